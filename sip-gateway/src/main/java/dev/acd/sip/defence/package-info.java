/**
 * Defence of the SIP edge: failed authentications counted per source address and per user in a sliding window,
 * blocking of sources past a threshold (journaled as {@code SourceBlocked}), and the trunk allow-list.
 */
package dev.acd.sip.defence;

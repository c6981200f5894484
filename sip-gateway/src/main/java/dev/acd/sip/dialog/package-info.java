/** SIP dialogs (RFC 3261 section 12): identity, state, route set, remote target, sequence numbers, in-dialog requests. */
package dev.acd.sip.dialog;

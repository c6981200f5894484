/**
 * The event journal: a compact binary codec for every event and a Chronicle Queue journal that appends, tails,
 * replays and expires them. See {@code docs/journal.md} for the format.
 */
package dev.acd.core.journal;

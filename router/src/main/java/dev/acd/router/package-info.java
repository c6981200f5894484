/**
 * The routing engine: a deterministic state machine that takes events and emits decisions (journaled) and
 * commands (for call control). It reads no clock, does no I/O and owns no threads; it runs on the router thread.
 */
package dev.acd.router;

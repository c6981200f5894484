package dev.acd.core.event;

/** The rep (or a supervisor) set the rep not ready, with a reason code such as "break" or "meeting". */
public record RepNotReady(long at, String repId, String reason) implements Event, RepEvent {
}

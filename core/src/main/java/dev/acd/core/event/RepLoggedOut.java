package dev.acd.core.event;

/** The rep logged out. */
public record RepLoggedOut(long at, String repId) implements Event, RepEvent {
}

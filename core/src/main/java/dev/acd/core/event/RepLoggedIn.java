package dev.acd.core.event;

/** The rep logged in; a rep starts not ready ("login") until it says ready. */
public record RepLoggedIn(long at, String repId) implements Event, RepEvent {
}

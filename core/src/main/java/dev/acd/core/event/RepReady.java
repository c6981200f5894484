package dev.acd.core.event;

/** The rep said it is ready for calls (this also ends a wrap-up early). */
public record RepReady(long at, String repId) implements Event, RepEvent {
}

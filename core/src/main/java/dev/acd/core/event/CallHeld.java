package dev.acd.core.event;

/** The rep put the customer on hold. */
public record CallHeld(long at, long callId) implements Event, CallEvent {
}

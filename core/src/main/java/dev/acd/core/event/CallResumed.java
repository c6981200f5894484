package dev.acd.core.event;

/** The rep took the customer off hold. */
public record CallResumed(long at, long callId) implements Event, CallEvent {
}

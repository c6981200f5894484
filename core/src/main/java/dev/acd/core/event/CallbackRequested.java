package dev.acd.core.event;

/** The caller chose a callback instead of waiting; the call leaves the queue. */
public record CallbackRequested(long at, long callId, String number) implements Event, CallEvent {
}

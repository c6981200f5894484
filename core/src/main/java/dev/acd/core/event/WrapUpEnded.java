package dev.acd.core.event;

/** A rep's wrap-up ended (timeout, ready, not ready or log-out). */
public record WrapUpEnded(long at, String repId, long callId) implements Decision, RepEvent, CallEvent {
}

package dev.acd.core.event;

/** A waiting call reached a tier that offers the caller a callback instead of waiting. */
public record CallbackOffered(long at, long callId, String queueId) implements Decision, CallEvent {
}

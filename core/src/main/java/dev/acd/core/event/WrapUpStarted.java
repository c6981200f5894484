package dev.acd.core.event;

/** A rep's part in a call ended; after-call work runs until {@code endsAt} or until the rep says ready. */
public record WrapUpStarted(long at, String repId, long callId, long endsAt) implements Decision, RepEvent, CallEvent {
}

package dev.acd.core.event;

/** The router put a call in a queue (first arrival, a transfer to a queue, or an overflow). */
public record CallQueued(long at, long callId, String queueId, int priority) implements Decision, CallEvent {
}

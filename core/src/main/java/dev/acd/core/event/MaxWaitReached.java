package dev.acd.core.event;

import dev.acd.core.model.MaxWaitAction;

/** A call waited its queue's maximum; the router takes the queue's action. */
public record MaxWaitReached(long at, long callId, String queueId, MaxWaitAction action)
        implements Decision, CallEvent {
}

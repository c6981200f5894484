package dev.acd.core.event;

/** The router chose a rep for a call and offers it (the rep's phone rings). Tiers count from 1. */
public record CallOffered(long at, long callId, String repId, String queueId, int tier, Explanation explanation)
        implements Decision, CallEvent, RepEvent {
}

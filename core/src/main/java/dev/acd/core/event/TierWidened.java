package dev.acd.core.event;

/** A waiting call reached its queue's next tier: more reps may take it. Tiers count from 1. */
public record TierWidened(long at, long callId, String queueId, int tier) implements Decision, CallEvent {
}

package dev.acd.core.model;

/** Who a queue tier lets take a call, on top of everyone the earlier tiers let in. */
public enum TierScope {
    /** The customer's account owner and the reps of the customer's owning partner. */
    RELATIONSHIP,
    /** The reps whose team is a home team of the call's segment. */
    HOME_TEAM,
    /** Any rep of the tier's kinds who has the call's skills. */
    SKILLED
}

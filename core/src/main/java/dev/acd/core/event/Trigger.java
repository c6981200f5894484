package dev.acd.core.event;

/** What made the router decide at that moment. */
public enum Trigger {
    /** A call entered the queue and an eligible rep was idle. */
    CALL_QUEUED,
    /** A rep became available and took the most urgent call it is eligible for. */
    REP_AVAILABLE,
    /** A call's tier widened and let in an idle rep. */
    TIER_WIDENED,
    /** A field rep's live window opened. */
    LIVE_WINDOW_OPENED,
    /** An offer failed and the call was offered to the next rep. */
    REQUEUED
}

package dev.acd.core.stats;

/** What a rep is doing now, as the live meters count reps. */
public enum RepState {
    LOGGED_OUT,
    NOT_READY,
    /** Logged in and ready: idle, or with a call ringing. */
    READY,
    ON_CALL,
    WRAP_UP
}

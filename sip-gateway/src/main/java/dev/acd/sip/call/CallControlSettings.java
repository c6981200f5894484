package dev.acd.sip.call;

import dev.acd.sip.dialog.NextHop;
import java.util.Objects;

/**
 * Call control settings, each with its unit in the name.
 *
 * @param trunk                 where calls to outside numbers go (reps' outbound calls, field reps' mobiles,
 *                              transfers to numbers); null when there is no trunk (such calls fail)
 * @param callerId              the number outbound calls present to the called party (the From user)
 * @param dialRules             which numbers reps may dial
 * @param announceIntervalMs    how often a queued caller hears the announcement between music; 0 for never
 * @param callbackKeyTimeoutMs  how long a caller offered a callback has to press 1 before waiting on
 */
public record CallControlSettings(NextHop trunk, String callerId, DialRules dialRules, long announceIntervalMs,
        long callbackKeyTimeoutMs) {
    public static final long DEFAULT_ANNOUNCE_INTERVAL_MS = 30_000;
    public static final long DEFAULT_CALLBACK_KEY_TIMEOUT_MS = 8_000;

    public CallControlSettings {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(dialRules, "dialRules");
        if (announceIntervalMs < 0) {
            throw new IllegalArgumentException("announceIntervalMs " + announceIntervalMs + " must be 0 (off) or more");
        }
        if (callbackKeyTimeoutMs <= 0) {
            throw new IllegalArgumentException("callbackKeyTimeoutMs " + callbackKeyTimeoutMs + " must be above 0");
        }
    }

    /** Defaults around a trunk and caller ID: every number allowed, announcements every 30 s, 8 s to press 1. */
    public static CallControlSettings defaults(NextHop trunk, String callerId) {
        return new CallControlSettings(trunk, callerId, DialRules.allowAll(), DEFAULT_ANNOUNCE_INTERVAL_MS,
                DEFAULT_CALLBACK_KEY_TIMEOUT_MS);
    }
}

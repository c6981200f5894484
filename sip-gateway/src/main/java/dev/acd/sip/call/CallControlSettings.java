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
 * @param keepaliveIntervalMs   how often each established leg is probed with an in-dialog OPTIONS; a 481, a 408 or
 *                              no answer at all ends the call (see {@link LegKeepalive}); 0 for never
 * @param rtpTimeoutMs          how long a bridged call may go with no RTP from either side, once RTP was seen on it,
 *                              before it is hung up (see {@link MediaWatch}); 0 for never
 * @param dialTimeoutMs         how long a call out through the trunk (a rep's outbound call, a transfer to a number)
 *                              may ring before it is given up, like RFC 3261's Timer C; 0 for no limit
 * @param portRetryMs           how often a ringing offer retries to take an RTP port when none was free
 */
public record CallControlSettings(NextHop trunk, String callerId, DialRules dialRules, long announceIntervalMs,
        long callbackKeyTimeoutMs, long keepaliveIntervalMs, long rtpTimeoutMs, long dialTimeoutMs, long portRetryMs) {
    public static final long DEFAULT_ANNOUNCE_INTERVAL_MS = 30_000;
    public static final long DEFAULT_CALLBACK_KEY_TIMEOUT_MS = 8_000;
    public static final long DEFAULT_KEEPALIVE_INTERVAL_MS = 30_000;
    public static final long DEFAULT_RTP_TIMEOUT_MS = 60_000;
    public static final long DEFAULT_DIAL_TIMEOUT_MS = 120_000;
    public static final long DEFAULT_PORT_RETRY_MS = 1_000;

    public CallControlSettings {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(dialRules, "dialRules");
        if (announceIntervalMs < 0) {
            throw new IllegalArgumentException("announceIntervalMs " + announceIntervalMs + " must be 0 (off) or more");
        }
        if (callbackKeyTimeoutMs <= 0) {
            throw new IllegalArgumentException("callbackKeyTimeoutMs " + callbackKeyTimeoutMs + " must be above 0");
        }
        if (keepaliveIntervalMs < 0) {
            throw new IllegalArgumentException("keepaliveIntervalMs " + keepaliveIntervalMs
                    + " must be 0 (off) or more");
        }
        if (rtpTimeoutMs < 0) {
            throw new IllegalArgumentException("rtpTimeoutMs " + rtpTimeoutMs + " must be 0 (off) or more");
        }
        if (dialTimeoutMs < 0) {
            throw new IllegalArgumentException("dialTimeoutMs " + dialTimeoutMs + " must be 0 (no limit) or more");
        }
        if (portRetryMs <= 0) {
            throw new IllegalArgumentException("portRetryMs " + portRetryMs + " must be above 0");
        }
    }

    /** The settings of before liveness checks, with the default keepalive, RTP timeout, dial timeout and retry. */
    public CallControlSettings(NextHop trunk, String callerId, DialRules dialRules, long announceIntervalMs,
            long callbackKeyTimeoutMs) {
        this(trunk, callerId, dialRules, announceIntervalMs, callbackKeyTimeoutMs, DEFAULT_KEEPALIVE_INTERVAL_MS,
                DEFAULT_RTP_TIMEOUT_MS, DEFAULT_DIAL_TIMEOUT_MS, DEFAULT_PORT_RETRY_MS);
    }

    /** Defaults around a trunk and caller ID: every number allowed, announcements every 30 s, 8 s to press 1. */
    public static CallControlSettings defaults(NextHop trunk, String callerId) {
        return new CallControlSettings(trunk, callerId, DialRules.allowAll(), DEFAULT_ANNOUNCE_INTERVAL_MS,
                DEFAULT_CALLBACK_KEY_TIMEOUT_MS);
    }

    /** The same settings with other liveness checks (all in milliseconds, 0 turning the first three off). */
    public CallControlSettings withLiveness(long keepaliveMs, long rtpMs, long dialMs, long portRetry) {
        return new CallControlSettings(trunk, callerId, dialRules, announceIntervalMs, callbackKeyTimeoutMs,
                keepaliveMs, rtpMs, dialMs, portRetry);
    }
}

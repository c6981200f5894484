package dev.acd.sip.call;

import java.util.concurrent.atomic.LongAdder;

/** What call control counts, for metrics. Thread-safe. */
public final class CallCounters {
    final LongAdder inbound = new LongAdder();
    final LongAdder outbound = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder mediaFailures = new LongAdder();
    final LongAdder ignoredCommands = new LongAdder();
    final LongAdder rtpPortShortages = new LongAdder();
    final LongAdder systemEnded = new LongAdder();

    /** Inbound calls accepted from the trunk. */
    public long inbound() {
        return inbound.sum();
    }

    /** Outbound calls placed by reps. */
    public long outbound() {
        return outbound.sum();
    }

    /** INVITEs refused (403, 404, 407 excluded, 488, 503...). */
    public long refused() {
        return refused.sum();
    }

    /** One-way or no-audio reports (each also journaled as {@code MediaFailed}). */
    public long mediaFailures() {
        return mediaFailures.sum();
    }

    /**
     * Times a leg found no RTP port free (or none could be bound): a new call refused 503, an offer to a rep held
     * back and retried, an outbound call or transfer not placed. Each is our capacity problem, never the rep's.
     */
    public long rtpPortShortages() {
        return rtpPortShortages.sum();
    }

    /**
     * Calls call control ended by itself because something died under them: a leg lost (no answer to the
     * keepalive OPTIONS, a 481), no RTP either way, no RTP port for the rep's leg. Each is journaled as
     * {@code CallEnded} by SYSTEM with the reason.
     */
    public long systemEnded() {
        return systemEnded.sum();
    }

    /** Commands for calls we no longer have, or that did not fit the call's state. */
    public long ignoredCommands() {
        return ignoredCommands.sum();
    }
}

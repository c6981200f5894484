package dev.acd.sip.call;

import java.util.concurrent.atomic.LongAdder;

/** What call control counts, for metrics. Thread-safe. */
public final class CallCounters {
    final LongAdder inbound = new LongAdder();
    final LongAdder outbound = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder mediaFailures = new LongAdder();
    final LongAdder ignoredCommands = new LongAdder();

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

    /** Commands for calls we no longer have, or that did not fit the call's state. */
    public long ignoredCommands() {
        return ignoredCommands.sum();
    }
}

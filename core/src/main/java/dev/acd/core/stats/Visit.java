package dev.acd.core.stats;

/** A call's stay in one queue (see {@link VisitRule}): counted in the queue's row only. */
final class Visit {
    final String queueId;
    final long queuedAt;
    final long serviceLevelMs;
    final long shortAbandonMs;
    /** The queue's figures for the call's arrival interval; null if the CallQueued named no queue. */
    final Accumulator queue;
    boolean answered;

    Visit(String queueId, long queuedAt, long serviceLevelMs, long shortAbandonMs, Accumulator queue) {
        this.queueId = queueId;
        this.queuedAt = queuedAt;
        this.serviceLevelMs = serviceLevelMs;
        this.shortAbandonMs = shortAbandonMs;
        this.queue = queue;
    }

    /** Whether the caller is still waiting in this visit's queue (not answered yet) and it counts in a queue row. */
    boolean waitingInQueueRow() {
        return !answered && queue != null;
    }
}

package dev.acd.router;

import java.util.List;

import dev.acd.core.model.Queue;
import dev.acd.core.model.Tier;

/**
 * A queued call's one timer in the {@link TimerHeap}: set to when its next tier opens or when it reaches its queue's
 * maximum wait, whichever comes first. Runs on the router thread only.
 */
final class CallTimers {
    private static final int MS_PER_SECOND = 1_000;

    private final TimerHeap heap;

    CallTimers(TimerHeap heap) {
        this.heap = heap;
    }

    /** How many of the queue's tiers are open after waiting {@code waitedMs}; at least the first. */
    static int tierAfter(Queue queue, long waitedMs) {
        int tier = 1;
        List<Tier> tiers = queue.tiers();
        while (tier < tiers.size() && (long) tiers.get(tier).afterSeconds() * MS_PER_SECOND <= waitedMs) {
            tier++;
        }
        return tier;
    }

    /** When the call's next tier opens, or {@link Long#MAX_VALUE} when it is at its queue's last tier. */
    static long nextTierAt(CallState call) {
        List<Tier> tiers = call.queue.tiers();
        return call.tier < tiers.size()
                ? call.queuedAt + (long) tiers.get(call.tier).afterSeconds() * MS_PER_SECOND : Long.MAX_VALUE;
    }

    /** When the call reaches its queue's maximum wait, or {@link Long#MAX_VALUE} when the queue has none. */
    static long maxWaitAt(CallState call) {
        int maxWait = call.queue.maxWaitSeconds();
        return maxWait > 0 ? call.queuedAt + (long) maxWait * MS_PER_SECOND : Long.MAX_VALUE;
    }

    /** Whether the call has waited its queue's maximum by {@code now}; false when the queue has none. */
    static boolean maxWaitPassed(CallState call, long now) {
        Queue queue = call.queue;
        return queue.maxWaitSeconds() > 0 && now - call.queuedAt >= (long) queue.maxWaitSeconds() * MS_PER_SECOND;
    }

    /**
     * When a call waiting for a named rep stops waiting for them alone, or {@link Long#MAX_VALUE}. While the named
     * rep's phone rings the offer's outcome decides instead.
     */
    static long directEndsAt(CallState call) {
        return call.directRep >= 0 && call.phase == CallPhase.WAITING ? call.directUntil : Long.MAX_VALUE;
    }

    /** For a call whose timer fired: whether it fired for the end of its wait for a named rep. */
    static boolean firedForDirectEnd(CallState call) {
        return directEndsAt(call) <= call.dueAt;
    }

    /** For a call whose timer fired: whether it fired for the next tier. Due with the max wait, the tier opens first. */
    static boolean firedForTier(CallState call) {
        return nextTierAt(call) <= call.dueAt;
    }

    /**
     * Sets a queued call's one timer to its next tier or its max wait, whichever comes first. A max wait that passed
     * while the call rang is left to the offer's outcome (the engine checks it when the call is requeued).
     */
    void arm(CallState call, long now) {
        long maxWait = maxWaitAt(call);
        if (call.phase == CallPhase.OFFERED && maxWait <= now) {
            maxWait = Long.MAX_VALUE;
        }
        long due = Math.min(Math.min(nextTierAt(call), maxWait), directEndsAt(call));
        if (due == Long.MAX_VALUE) {
            heap.cancel(call);
        } else {
            heap.schedule(call, due);
        }
    }

    /** The call left its queue or was answered: it has no tier or max wait to wait for. */
    void cancel(CallState call) {
        heap.cancel(call);
    }
}

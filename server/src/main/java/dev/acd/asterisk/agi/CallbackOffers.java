package dev.acd.asterisk.agi;

import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.Tier;

/**
 * Tells which of the router's two callback offers an {@code OfferCallback} is, from the queue configuration and how
 * long the call has waited, since the command does not say: a callback tier keeps the call queued (declined, it waits
 * on), the queue's max wait with action CALLBACK lets go of it (declined, the caller is let go). When both could be
 * due, the one whose time is nearer the wait wins.
 */
final class CallbackOffers {
    private static final long MS_PER_SECOND = 1_000;

    private CallbackOffers() {
    }

    /** Whether a callback offered after {@code waitedMs} in the line's queue {@code queueId} is the max-wait one. */
    static boolean atMaxWait(RoutingModel model, String queueId, long waitedMs) {
        Queue queue = queueId == null ? null : model.queue(queueId).orElse(null);
        long left = waitedMs;
        // Overflows move the call on at each queue's max wait; follow them to where the call waits now.
        for (int hops = 0; queue != null && hops < model.queues().size(); hops++) {
            long maxWaitMs = queue.maxWaitSeconds() * MS_PER_SECOND;
            if (queue.maxWaitAction() != MaxWaitAction.OVERFLOW || maxWaitMs <= 0 || queue.overflowQueue() == null
                    || left < maxWaitMs) {
                break;
            }
            left -= maxWaitMs;
            queue = model.queue(queue.overflowQueue()).orElse(null);
        }
        if (queue == null || queue.maxWaitAction() != MaxWaitAction.CALLBACK || queue.maxWaitSeconds() <= 0) {
            return false;
        }
        long fromMaxWait = Math.abs(left - queue.maxWaitSeconds() * MS_PER_SECOND);
        for (Tier tier : queue.tiers()) {
            if (tier.offerCallback() && Math.abs(left - tier.afterSeconds() * MS_PER_SECOND) < fromMaxWait) {
                return false;
            }
        }
        return true;
    }
}

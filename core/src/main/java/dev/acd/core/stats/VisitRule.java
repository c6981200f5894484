package dev.acd.core.stats;

import dev.acd.core.event.CallQueued;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.model.MaxWaitAction;

/**
 * When a call's stay in a queue (a visit) goes on and when the router is done with a waiting call: one rule, so that
 * {@link StatsProjection} and {@link StatsMeters} count the same visits.
 */
final class VisitRule {
    private VisitRule() {
    }

    /**
     * Whether {@code queued} goes on with the visit the call is waiting in ({@code waitingIn}, null if it waits in
     * none): the router puts a call back at the head of the same queue after a failed offer. Any other
     * {@code CallQueued} (first arrival, overflow, a transfer to a queue or to a named rep) starts a new visit.
     */
    static boolean continuesVisit(String waitingIn, CallQueued queued) {
        return waitingIn != null && waitingIn.equals(queued.queueId());
    }

    /**
     * Whether the router ends the call at this max wait (hang-up, or a callback instead of waiting); an overflow
     * only ends the visit, and the call is queued again.
     */
    static boolean endsCall(MaxWaitReached reached) {
        return reached.action() != MaxWaitAction.OVERFLOW;
    }

    /** Whether this max wait ends the call with a callback, which counts as the call's callback. */
    static boolean endsWithCallback(MaxWaitReached reached) {
        return reached.action() == MaxWaitAction.CALLBACK;
    }
}

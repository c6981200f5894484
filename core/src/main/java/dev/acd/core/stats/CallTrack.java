package dev.acd.core.stats;

import java.util.ArrayList;
import java.util.List;

import dev.acd.core.model.Direction;

/** One call while it lives: where its figures go, its current queue visit and its rep legs. */
final class CallTrack {
    final long callId;
    /** Start of the interval the call arrived in: every figure of the call counts there. */
    final long interval;
    final Direction direction;
    /** ALL, DIRECTION and (once classified) SEGMENT of the arrival interval. */
    Accumulator[] targets;
    boolean arrivalSeen;
    String segment;
    String placingRep;
    /** The placing rep's busy count is held by the call until a leg (or the call's end) takes it over. */
    boolean placingBusy;
    /** The current queue visit, answered or not; null outside any queue. */
    Visit visit;
    /** The call as a whole, for the rows that count calls: offered once, waiting from its first queue. */
    boolean offered;
    long firstQueuedAt;
    long firstServiceLevelMs;
    long firstShortAbandonMs;
    /** The call's wait is over: answered, abandoned, left for a callback or ended. */
    boolean waitOver;
    Leg activeLeg;
    final List<Leg> legs = new ArrayList<>(2);
    boolean ended;
    long endedAt;
    long lastAt;
    long retiredAt;

    CallTrack(long callId, long interval, Direction direction) {
        this.callId = callId;
        this.interval = interval;
        this.direction = direction;
    }

    void seen(long at) {
        lastAt = Math.max(lastAt, at);
    }

    /** The queue the call is waiting in (queued, not yet answered), or null. */
    String waitingIn() {
        return visit != null && !visit.answered ? visit.queueId : null;
    }

    /** Where figures of the call's current state count: the call's groups, and its queue if it is in one. */
    Accumulator[] targetsWithQueue() {
        return visit == null || visit.queue == null ? targets : Groups.append(targets, visit.queue);
    }

    /** The rep's latest leg that talked and has not started its wrap-up, or null. */
    Leg legAwaitingWrap(String repId) {
        Leg found = null;
        for (Leg leg : legs) {
            if (leg.repId.equals(repId) && leg.wrapStart < 0 && !leg.wrapDone && !leg.talkless) {
                found = leg;
            }
        }
        return found;
    }

    /** The rep's first leg in wrap-up, or null. */
    Leg legInWrap(String repId) {
        for (Leg leg : legs) {
            if (leg.repId.equals(repId) && leg.wrapStart >= 0 && !leg.wrapDone) {
                return leg;
            }
        }
        return null;
    }

    /** The rep's latest leg that talked (where a disposition or QA score of the rep counts), or null. */
    Leg lastTalkingLeg(String repId) {
        Leg found = null;
        for (Leg leg : legs) {
            if (!leg.talkless && leg.repId.equals(repId)) {
                found = leg;
            }
        }
        return found;
    }

    /** Whether every leg's wrap-up has ended. */
    boolean wrapsDone() {
        for (Leg leg : legs) {
            if (!leg.wrapDone) {
                return false;
            }
        }
        return true;
    }
}

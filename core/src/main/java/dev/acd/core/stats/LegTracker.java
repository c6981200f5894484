package dev.acd.core.stats;

import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.DispositionRecorded;
import java.util.List;

import dev.acd.core.event.QaCriterionScore;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;

/**
 * The rep legs of each call: talk, hold and wrap-up from the answer on, and the dispositions and QA scores that
 * come after, counted where the leg counts. Runs on the projection's thread.
 */
final class LegTracker {
    /** A supervisor's rating of 1 to 5 on the points scale: each step above 1 is worth 25 points. */
    private static final int RATING_POINTS = 25;

    private final Intervals intervals;
    private final Groups groups;
    private final RepTimeTracker reps;
    private final CallRegistry calls;

    LegTracker(Intervals intervals, Groups groups, RepTimeTracker reps, CallRegistry calls) {
        this.intervals = intervals;
        this.groups = groups;
        this.reps = reps;
        this.calls = calls;
    }

    /**
     * Starts the rep's leg of the call at its answer, counting in {@code base} (the call's groups, and its queue's
     * for an inbound answer) and {@code rep} (the rep's groups).
     */
    void answered(CallTrack call, String repId, Accumulator[] base, Accumulator[] rep, long at) {
        Leg leg = new Leg(repId, Groups.concat(base, rep), at);
        for (Accumulator a : leg.targets) {
            a.handled++;
        }
        if (call.placingBusy && repId.equals(call.placingRep)) {
            call.placingBusy = false; // the rep's busy time goes on, now carried by the leg
        } else {
            reps.busy(repId, at, +1);
        }
        leg.busy = true;
        call.activeLeg = leg;
        call.legs.add(leg);
    }

    void held(CallHeld e) {
        CallTrack call = calls.open(e.callId());
        if (call != null && call.activeLeg != null) {
            call.activeLeg.hold(e.at());
        }
    }

    void resumed(CallResumed e) {
        CallTrack call = calls.open(e.callId());
        if (call != null && call.activeLeg != null) {
            call.activeLeg.resume(e.at());
        }
    }

    /** Ends the active leg's talk at {@code at}; returns the leg, or null if nobody was talking. */
    static Leg endTalk(CallTrack call, long at) {
        Leg leg = call.activeLeg;
        if (leg == null) {
            return null;
        }
        leg.resume(at); // an open hold ends with the talk
        long talk = Math.max(0, at - leg.answeredAt - leg.holdMs);
        for (Accumulator a : leg.targets) {
            a.talked++;
            a.talkMs += talk;
            a.holdMs += leg.holdMs;
        }
        call.activeLeg = null;
        return leg;
    }

    void wrapUpStarted(WrapUpStarted e) {
        CallTrack call = calls.open(e.callId());
        if (call == null) {
            return;
        }
        Leg leg = call.legAwaitingWrap(e.repId());
        if (leg == null) {
            // After-call work with no conversation (an outbound call nobody answered): a leg of wrap only.
            leg = new Leg(e.repId(), Groups.concat(call.targets, groups.rep(e.repId(), call.interval)), e.at());
            leg.talkless = true;
            call.legs.add(leg);
        }
        leg.wrapStart = e.at();
    }

    void wrapUpEnded(WrapUpEnded e) {
        CallTrack call = calls.open(e.callId());
        if (call == null) {
            return;
        }
        Leg leg = call.legInWrap(e.repId());
        if (leg != null) {
            long wrap = Math.max(0, e.at() - leg.wrapStart);
            for (Accumulator a : leg.targets) {
                a.wrapped++;
                a.wrapMs += wrap;
            }
            leg.wrapDone = true;
            if (leg.busy) {
                reps.busy(leg.repId, e.at(), -1);
                leg.busy = false;
            }
        }
        calls.maybeRetire(call, e.at());
    }

    void disposition(DispositionRecorded e) {
        String outcome = Metric.outcomeName(e.outcome());
        for (Accumulator a : lateTargets(e.callId(), e.repId(), e.at())) {
            a.dispositions++;
            a.revenueCents += e.revenueCents();
            a.outcome(outcome);
        }
    }

    void qaScored(QaScored e) {
        List<QaCriterionScore> criteria = e.criteria();
        String[] names = new String[criteria.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = Metric.qaCriterionName(criteria.get(i).criterion());
        }
        for (Accumulator a : lateTargets(e.callId(), e.repId(), e.at())) {
            a.qaScored++;
            a.qaScoreTotal += e.score();
            if (e.manual()) {
                a.qaManualScored++;
                a.qaManualTotal += e.score();
            } else {
                a.qaAutoScored++;
                a.qaAutoTotal += e.score();
            }
            for (int i = 0; i < names.length; i++) {
                a.qaCriterion(names[i], criteria.get(i).points());
            }
        }
    }

    void qaRated(QaRated e) {
        List<QaRating> ratings = e.ratings();
        for (Accumulator a : lateTargets(e.callId(), e.repId(), e.at())) {
            a.qaScored++;
            a.qaScoreTotal += e.score();
            a.qaManualScored++;
            a.qaManualTotal += e.score();
            for (QaRating r : ratings) {
                a.qaCriterion(Metric.qaCriterionName(r.criterion()), RATING_POINTS * (r.rating() - 1));
            }
        }
    }

    void qaReviewRequested(QaReviewRequested e) {
        for (Accumulator a : lateTargets(e.callId(), e.repId(), e.at())) {
            a.qaReviewsRequested++;
        }
    }

    /** Where a disposition or QA score counts: the rep's leg of the call, even after the call is over. */
    private Accumulator[] lateTargets(long callId, String repId, long at) {
        CallTrack call = calls.find(callId);
        if (call == null) {
            // The call is older than this projection knows: count it where and when the event happened.
            long interval = intervals.start(at);
            return Groups.concat(new Accumulator[] {groups.all(interval)},
                    repId == null ? new Accumulator[0] : groups.rep(repId, interval));
        }
        Leg leg = call.lastTalkingLeg(repId);
        if (leg != null) {
            return leg.targets;
        }
        return repId == null ? call.targets : Groups.concat(call.targets, groups.rep(repId, call.interval));
    }
}

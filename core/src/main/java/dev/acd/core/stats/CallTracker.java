package dev.acd.core.stats;

import java.util.HashMap;
import java.util.Map;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Queue;

/**
 * Each call's life from arrival to its end: classification, queue visits and the call's wait, offers, answers,
 * abandons, callbacks and transfers, counted into the groups of the interval the call arrived in. Its rep legs are
 * {@link LegTracker}'s. Runs on the projection's thread.
 */
final class CallTracker {
    private final Intervals intervals;
    private final Groups groups;
    private final RepTimeTracker reps;
    private final CallRegistry calls;
    private final LegTracker legs;
    private final Map<String, Queue> queues = new HashMap<>();

    CallTracker(Intervals intervals, Groups groups, RepTimeTracker reps, CallRegistry calls, LegTracker legs) {
        this.intervals = intervals;
        this.groups = groups;
        this.reps = reps;
        this.calls = calls;
        this.legs = legs;
    }

    /** Remembers a queue's service-level target and short-abandon threshold as the latest ConfigChanged tells them. */
    void queue(Queue queue) {
        queues.put(queue.id(), queue);
    }

    void arrived(CallArrived e) {
        if (calls.open(e.callId()) != null) {
            return;
        }
        CallTrack call = newTrack(e.callId(), e.at(), e.direction());
        call.arrivalSeen = true;
        for (Accumulator a : call.targets) {
            a.calls++;
        }
        if (e.direction() == Direction.OUTBOUND && e.repId() != null) {
            call.placingRep = e.repId();
            for (Accumulator a : groups.rep(e.repId(), call.interval)) {
                a.calls++;
            }
            reps.busy(e.repId(), e.at(), +1);
            call.placingBusy = true;
        }
    }

    private CallTrack newTrack(long callId, long at, Direction direction) {
        long interval = intervals.start(at);
        CallTrack call = new CallTrack(callId, interval, direction);
        call.targets = groups.call(direction, interval);
        call.lastAt = at;
        calls.add(call);
        return call;
    }

    /** The call's state; a call first seen mid-life (a batch cut through it) is tracked from here, as inbound. */
    private CallTrack track(long callId, long at) {
        CallTrack call = calls.open(callId);
        if (call == null) {
            call = newTrack(callId, at, Direction.INBOUND);
        }
        call.seen(at);
        return call;
    }

    void classified(CallClassified e) {
        CallTrack call = track(e.callId(), e.at());
        if (e.segment() == null || call.segment != null) {
            return;
        }
        call.segment = e.segment();
        Accumulator segment = groups.segment(e.segment(), call.interval);
        if (call.arrivalSeen) {
            segment.calls++;
        }
        call.targets = Groups.append(call.targets, segment);
    }

    void queued(CallQueued e) {
        CallTrack call = track(e.callId(), e.at());
        if (call.ended || VisitRule.continuesVisit(call.waitingIn(), e)) {
            return;
        }
        Queue queue = queues.get(e.queueId());
        long serviceLevelMs = 1000L * (queue == null
                ? StatsProjection.DEFAULT_SERVICE_LEVEL_SECONDS : queue.serviceLevelSeconds());
        long shortAbandonMs = 1000L * (queue == null ? 0 : queue.shortAbandonSeconds());
        Accumulator queueAcc = e.queueId() == null ? null : groups.queue(e.queueId(), call.interval);
        call.visit = new Visit(e.queueId(), e.at(), serviceLevelMs, shortAbandonMs, queueAcc);
        if (queueAcc != null) {
            queueAcc.offered++;
        }
        if (!call.offered) {
            // Outside queue rows a call is offered once, when it first reaches a queue; overflows and transfers
            // are more visits of the same call.
            call.offered = true;
            call.firstQueuedAt = e.at();
            call.firstServiceLevelMs = serviceLevelMs;
            call.firstShortAbandonMs = shortAbandonMs;
            for (Accumulator a : call.targets) {
                a.offered++;
            }
        }
    }

    void offered(CallOffered e) {
        CallTrack call = track(e.callId(), e.at());
        add(call.targetsWithQueue(), groups.rep(e.repId(), call.interval), a -> a.offers++);
    }

    void offerFailed(OfferFailed e) {
        CallTrack call = track(e.callId(), e.at());
        Counter counter = switch (e.failure()) {
            case NO_ANSWER -> a -> a.noAnswer++;
            case REJECTED -> a -> a.rejected++;
            case BUSY -> a -> a.busy++;
            case UNREACHABLE -> a -> a.unreachable++;
        };
        add(call.targetsWithQueue(), groups.rep(e.repId(), call.interval), counter);
    }

    void answered(CallAnswered e) {
        CallTrack call = track(e.callId(), e.at());
        Accumulator[] rep = groups.rep(e.repId(), call.interval);
        Accumulator[] base = call.direction == Direction.OUTBOUND ? call.targets : call.targetsWithQueue();
        Visit visit = call.visit;
        if (call.direction == Direction.INBOUND && visit != null && !visit.answered) {
            long visitWait = Math.max(0, e.at() - visit.queuedAt);
            if (visit.queue != null) {
                visit.queue.answer(visitWait, visit.serviceLevelMs);
            }
            if (call.offered && !call.waitOver) {
                // The call's first answer: the caller's whole wait, judged by the first queue's target.
                long callWait = Math.max(0, e.at() - call.firstQueuedAt);
                for (Accumulator a : Groups.concat(call.targets, rep)) {
                    a.answer(callWait, call.firstServiceLevelMs);
                }
            } else {
                for (Accumulator a : rep) {
                    a.answer(visitWait, visit.serviceLevelMs); // after a transfer: this visit's wait
                }
            }
            visit.answered = true;
        }
        call.waitOver = true;
        legs.answered(call, e.repId(), base, rep, e.at());
    }

    void transferred(CallTransferred e) {
        CallTrack call = calls.open(e.callId());
        if (call == null) {
            return;
        }
        call.seen(e.at());
        Leg leg = LegTracker.endTalk(call, e.at());
        if (leg != null) {
            for (Accumulator a : leg.targets) {
                a.transfers++;
            }
        }
        call.visit = null;
        if (e.targetKind() == TransferTarget.NUMBER) {
            end(call, e.at()); // the call leaves the center
            calls.maybeRetire(call, e.at());
        }
    }

    void ended(CallEnded e) {
        CallTrack call = calls.open(e.callId());
        if (call == null) {
            return;
        }
        LegTracker.endTalk(call, e.at());
        end(call, e.at());
        calls.maybeRetire(call, e.at());
    }

    /** The call is over for the center: its wait (if any) ends unanswered and no later event changes its figures. */
    private void end(CallTrack call, long at) {
        if (call.ended) {
            return;
        }
        call.ended = true;
        call.endedAt = at;
        call.waitOver = true;
        call.visit = null;
        if (call.placingBusy) {
            reps.busy(call.placingRep, at, -1); // an outbound call nobody answered
            call.placingBusy = false;
        }
    }

    void abandoned(CallAbandoned e) {
        CallTrack call = calls.open(e.callId());
        if (call == null || call.ended) {
            return; // e.g. the caller hung up during the goodbye after the router ended the call at max wait
        }
        Visit visit = call.visit;
        if (visit != null && visit.waitingInQueueRow()) {
            visit.queue.abandon(Math.max(0, e.at() - visit.queuedAt), visit.shortAbandonMs);
        }
        if (call.offered && !call.waitOver) {
            long callWait = Math.max(0, e.at() - call.firstQueuedAt);
            for (Accumulator a : call.targets) {
                a.abandon(callWait, call.firstShortAbandonMs);
            }
        }
        LegTracker.endTalk(call, e.at());
        end(call, e.at());
        calls.maybeRetire(call, e.at());
    }

    void callbackRequested(CallbackRequested e) {
        CallTrack call = calls.open(e.callId());
        if (call == null || call.ended) {
            return; // a callback the router already counted at max wait
        }
        countCallback(call);
        LegTracker.endTalk(call, e.at());
        end(call, e.at()); // the router is done with the call: the caller leaves the queue
        calls.maybeRetire(call, e.at());
    }

    void maxWaitReached(MaxWaitReached e) {
        CallTrack call = calls.open(e.callId());
        if (call == null || call.ended) {
            return;
        }
        call.seen(e.at());
        if (!VisitRule.endsCall(e)) {
            if (call.waitingIn() != null) {
                call.visit = null; // an overflow: the next CallQueued opens the visit in the overflow queue
            }
            return;
        }
        if (VisitRule.endsWithCallback(e)) {
            countCallback(call);
        }
        end(call, e.at()); // whatever call control journals for this call later finds it closed
        calls.maybeRetire(call, e.at());
    }

    private static void countCallback(CallTrack call) {
        Visit visit = call.visit;
        if (visit != null && visit.waitingInQueueRow()) {
            visit.queue.callbacksRequested++;
        }
        if (!call.waitOver) {
            for (Accumulator a : call.targets) {
                a.callbacksRequested++;
            }
        }
        call.waitOver = true;
    }

    private static void add(Accumulator[] a, Accumulator[] b, Counter counter) {
        for (Accumulator x : a) {
            counter.count(x);
        }
        for (Accumulator x : b) {
            counter.count(x);
        }
    }

    @FunctionalInterface
    private interface Counter {
        void count(Accumulator a);
    }
}

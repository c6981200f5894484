package dev.acd.core.stats;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;

/**
 * Call and rep statistics as a pure function of the journal: fed event by event with {@link #apply(Event)}, queried
 * with {@link #report(Grouping, long, long)}. Live use applies events as they are journaled; a batch is a fresh
 * projection fed a range of the journal; both give the same numbers for the same events.
 *
 * <p>Every figure about a call counts in the 15-minute interval the call <em>arrived</em> in (and so in that
 * interval's day), whenever it happens; rep time (logged in, not ready) counts in the interval it passes in.
 * Queue figures count each visit in the queue's row and each call once everywhere else (offered at its first queue,
 * its wait from there); talk, hold, wrap, handle, transfers, dispositions and QA go to the rep who answered (and
 * that rep's kind). docs/statistics.md defines every metric and says which rows count visits and which calls.
 *
 * <p>Reads no clock: "now" is the latest event time seen, so rep time still running is counted up to it.
 * Per-call state lives only while the call does (until its last wrap-up ends), then a small record is kept
 * {@link #LATE_EVENT_RETENTION_MS} of event time for late dispositions and QA scores.
 *
 * <p>Not thread-safe: feed and query it from one thread (the journal tailer's), or guard it with one lock.
 */
public final class StatsProjection {
    /** How long (event time) a finished call is remembered so that late dispositions and QA scores find it. */
    public static final long LATE_EVENT_RETENTION_MS = 24 * 3600 * 1000L;
    /** A call that ended this long ago (event time) without its wrap-ups ending is closed anyway. */
    static final long WRAP_GRACE_MS = 3600 * 1000L;
    /** A call with no event for this long (event time) is closed anyway. */
    static final long STALE_CALL_MS = 24 * 3600 * 1000L;
    /** The service-level target assumed for a queue that no ConfigChanged has described. */
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;
    /** Group key of reps whose kind no ConfigChanged has told. */
    public static final String UNKNOWN_KIND = "UNKNOWN";

    private static final long SWEEP_EVERY_MS = Intervals.INTERVAL_MS;

    private final Intervals intervals;
    private final Groups groups;
    private final RepTimeTracker reps;
    private final ReportBuilder reports;
    private final Map<Long, CallTrack> calls = new HashMap<>();
    private final LinkedHashMap<Long, CallTrack> retired = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new HashMap<>();
    private long latestAt = Long.MIN_VALUE;
    private long nextSweepAt = Long.MIN_VALUE;

    /** A projection whose intervals and days are in UTC. */
    public StatsProjection() {
        this(ZoneOffset.UTC);
    }

    /** A projection whose 15-minute intervals and days are those of {@code zone}. */
    public StatsProjection(ZoneId zone) {
        this.intervals = new Intervals(Objects.requireNonNull(zone, "zone"));
        GroupStore store = new GroupStore();
        this.groups = new Groups(store);
        this.reps = new RepTimeTracker(intervals, store, groups);
        this.reports = new ReportBuilder(intervals, store, reps);
    }

    public ZoneId zone() {
        return intervals.zone();
    }

    /** The latest event time seen (ms since the epoch), the projection's "now"; Long.MIN_VALUE before any event. */
    public long latestAt() {
        return latestAt;
    }

    /** How many calls the projection is tracking (arrived, not yet through their last wrap-up). */
    public int openCalls() {
        return calls.size();
    }

    /** Takes one event into account. Events must come in journal order. */
    public void apply(Event event) {
        Objects.requireNonNull(event, "event");
        long at = event.at();
        if (at > latestAt) {
            latestAt = at;
        }
        if (event instanceof CallArrived e) {
            arrived(e);
        } else if (event instanceof CallClassified e) {
            classified(e);
        } else if (event instanceof CallQueued e) {
            queued(e);
        } else if (event instanceof CallOffered e) {
            offered(e);
        } else if (event instanceof OfferFailed e) {
            offerFailed(e);
        } else if (event instanceof CallAnswered e) {
            answered(e);
        } else if (event instanceof CallHeld e) {
            held(e);
        } else if (event instanceof CallResumed e) {
            resumed(e);
        } else if (event instanceof CallTransferred e) {
            transferred(e);
        } else if (event instanceof CallEnded e) {
            ended(e);
        } else if (event instanceof CallAbandoned e) {
            abandoned(e);
        } else if (event instanceof CallbackRequested e) {
            callbackRequested(e);
        } else if (event instanceof MaxWaitReached e) {
            maxWaitReached(e);
        } else if (event instanceof WrapUpStarted e) {
            wrapUpStarted(e);
        } else if (event instanceof WrapUpEnded e) {
            wrapUpEnded(e);
        } else if (event instanceof DispositionRecorded e) {
            disposition(e);
        } else if (event instanceof QaScored e) {
            qaScored(e);
        } else if (event instanceof RepLoggedIn e) {
            reps.loggedIn(e.repId(), at);
        } else if (event instanceof RepReady e) {
            reps.ready(e.repId(), at);
        } else if (event instanceof RepNotReady e) {
            reps.notReady(e.repId(), at);
        } else if (event instanceof RepMarkedNotReady e) {
            reps.notReady(e.repId(), at);
        } else if (event instanceof RepLoggedOut e) {
            reps.loggedOut(e.repId(), at);
        } else if (event instanceof ConfigChanged e) {
            for (Rep rep : e.model().reps()) {
                groups.kind(rep.id(), rep.kind());
            }
            for (Queue queue : e.model().queues()) {
                queues.put(queue.id(), queue);
            }
        }
        // Tick, TierWidened, CallbackOffered, RecordingReady: only the time they carry matters.
        if (latestAt >= nextSweepAt) {
            sweep();
            nextSweepAt = latestAt + SWEEP_EVERY_MS;
        }
    }

    // ---- calls

    private void arrived(CallArrived e) {
        if (calls.containsKey(e.callId())) {
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
        calls.put(callId, call);
        return call;
    }

    /** The call's state; a call first seen mid-life (a batch cut through it) is tracked from here, as inbound. */
    private CallTrack track(long callId, long at) {
        CallTrack call = calls.get(callId);
        if (call == null) {
            call = newTrack(callId, at, Direction.INBOUND);
        }
        call.lastAt = Math.max(call.lastAt, at);
        return call;
    }

    private void classified(CallClassified e) {
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

    private void queued(CallQueued e) {
        CallTrack call = track(e.callId(), e.at());
        if (call.ended || VisitRule.continuesVisit(waitingIn(call), e)) {
            return;
        }
        Queue queue = queues.get(e.queueId());
        long serviceLevelMs = 1000L * (queue == null ? DEFAULT_SERVICE_LEVEL_SECONDS : queue.serviceLevelSeconds());
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

    /** The queue the call is waiting in (queued, not yet answered), or null. */
    private static String waitingIn(CallTrack call) {
        Visit visit = call.visit;
        return visit != null && !visit.answered ? visit.queueId : null;
    }

    /** Where figures of the call's current state count: the call's groups, and its queue if it is in one. */
    private static Accumulator[] callAndQueue(CallTrack call) {
        Visit visit = call.visit;
        return visit == null || visit.queue == null ? call.targets : Groups.append(call.targets, visit.queue);
    }

    private void offered(CallOffered e) {
        CallTrack call = track(e.callId(), e.at());
        add(callAndQueue(call), groups.rep(e.repId(), call.interval), a -> a.offers++);
    }

    private void offerFailed(OfferFailed e) {
        CallTrack call = track(e.callId(), e.at());
        Counter counter = switch (e.failure()) {
            case NO_ANSWER -> a -> a.noAnswer++;
            case REJECTED -> a -> a.rejected++;
            case BUSY -> a -> a.busy++;
            case UNREACHABLE -> a -> a.unreachable++;
        };
        add(callAndQueue(call), groups.rep(e.repId(), call.interval), counter);
    }

    private void answered(CallAnswered e) {
        CallTrack call = track(e.callId(), e.at());
        Accumulator[] rep = groups.rep(e.repId(), call.interval);
        Accumulator[] base = call.direction == Direction.OUTBOUND ? call.targets : callAndQueue(call);
        Leg leg = new Leg(e.repId(), Groups.concat(base, rep), e.at());
        Visit visit = call.visit;
        if (call.direction == Direction.INBOUND && visit != null && !visit.answered) {
            long visitWait = Math.max(0, e.at() - visit.queuedAt);
            if (visit.queue != null) {
                countAnswer(visit.queue, visitWait, visit.serviceLevelMs);
            }
            if (call.offered && !call.waitOver) {
                // The call's first answer: the caller's whole wait, judged by the first queue's target.
                long callWait = Math.max(0, e.at() - call.firstQueuedAt);
                for (Accumulator a : Groups.concat(call.targets, rep)) {
                    countAnswer(a, callWait, call.firstServiceLevelMs);
                }
            } else {
                for (Accumulator a : rep) {
                    countAnswer(a, visitWait, visit.serviceLevelMs); // after a transfer: this visit's wait
                }
            }
            visit.answered = true;
        }
        call.waitOver = true;
        for (Accumulator a : leg.targets) {
            a.handled++;
        }
        if (call.placingBusy && e.repId().equals(call.placingRep)) {
            call.placingBusy = false; // the rep's busy time goes on, now carried by the leg
        } else {
            reps.busy(e.repId(), e.at(), +1);
        }
        leg.busy = true;
        call.activeLeg = leg;
        call.legs.add(leg);
    }

    private static void countAnswer(Accumulator a, long waitMs, long serviceLevelMs) {
        a.answered++;
        a.waitAnsweredMs += waitMs;
        a.seenWait(waitMs);
        if (waitMs <= serviceLevelMs) {
            a.answeredWithinSl++;
        }
    }

    private static void countAbandon(Accumulator a, long waitMs, long shortAbandonMs) {
        if (waitMs < shortAbandonMs) {
            a.shortAbandoned++;
        } else {
            a.abandoned++;
        }
        a.seenWait(waitMs);
    }

    private void held(CallHeld e) {
        CallTrack call = calls.get(e.callId());
        if (call != null && call.activeLeg != null && call.activeLeg.holdStart < 0) {
            call.activeLeg.holdStart = e.at();
        }
    }

    private void resumed(CallResumed e) {
        CallTrack call = calls.get(e.callId());
        if (call != null && call.activeLeg != null && call.activeLeg.holdStart >= 0) {
            call.activeLeg.holdMs += Math.max(0, e.at() - call.activeLeg.holdStart);
            call.activeLeg.holdStart = -1;
        }
    }

    /** Ends the active leg's talk at {@code at}; returns the leg, or null if nobody was talking. */
    private Leg endTalk(CallTrack call, long at) {
        Leg leg = call.activeLeg;
        if (leg == null) {
            return null;
        }
        if (leg.holdStart >= 0) {
            leg.holdMs += Math.max(0, at - leg.holdStart);
            leg.holdStart = -1;
        }
        long talk = Math.max(0, at - leg.answeredAt - leg.holdMs);
        for (Accumulator a : leg.targets) {
            a.talked++;
            a.talkMs += talk;
            a.holdMs += leg.holdMs;
        }
        call.activeLeg = null;
        return leg;
    }

    private void transferred(CallTransferred e) {
        CallTrack call = calls.get(e.callId());
        if (call == null) {
            return;
        }
        call.lastAt = Math.max(call.lastAt, e.at());
        Leg leg = endTalk(call, e.at());
        if (leg != null) {
            for (Accumulator a : leg.targets) {
                a.transfers++;
            }
        }
        call.visit = null;
        if (e.targetKind() == TransferTarget.NUMBER) {
            end(call, e.at()); // the call leaves the center
            maybeRetire(call, e.at());
        }
    }

    private void ended(CallEnded e) {
        CallTrack call = calls.get(e.callId());
        if (call == null) {
            return;
        }
        endTalk(call, e.at());
        end(call, e.at());
        maybeRetire(call, e.at());
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

    private void abandoned(CallAbandoned e) {
        CallTrack call = calls.get(e.callId());
        if (call == null || call.ended) {
            return; // e.g. the caller hung up during the goodbye after the router ended the call at max wait
        }
        Visit visit = call.visit;
        if (visit != null && !visit.answered && visit.queue != null) {
            countAbandon(visit.queue, Math.max(0, e.at() - visit.queuedAt), visit.shortAbandonMs);
        }
        if (call.offered && !call.waitOver) {
            long callWait = Math.max(0, e.at() - call.firstQueuedAt);
            for (Accumulator a : call.targets) {
                countAbandon(a, callWait, call.firstShortAbandonMs);
            }
        }
        endTalk(call, e.at());
        end(call, e.at());
        maybeRetire(call, e.at());
    }

    private void callbackRequested(CallbackRequested e) {
        CallTrack call = calls.get(e.callId());
        if (call == null || call.ended) {
            return; // a callback the router already counted at max wait
        }
        countCallback(call);
        endTalk(call, e.at());
        end(call, e.at()); // the router is done with the call: the caller leaves the queue
        maybeRetire(call, e.at());
    }

    private void maxWaitReached(MaxWaitReached e) {
        CallTrack call = calls.get(e.callId());
        if (call == null || call.ended) {
            return;
        }
        call.lastAt = Math.max(call.lastAt, e.at());
        if (!VisitRule.endsCall(e)) {
            if (waitingIn(call) != null) {
                call.visit = null; // an overflow: the next CallQueued opens the visit in the overflow queue
            }
            return;
        }
        if (VisitRule.endsWithCallback(e)) {
            countCallback(call);
        }
        end(call, e.at()); // whatever call control journals for this call later finds it closed
        maybeRetire(call, e.at());
    }

    private void countCallback(CallTrack call) {
        Visit visit = call.visit;
        if (visit != null && !visit.answered && visit.queue != null) {
            visit.queue.callbacksRequested++;
        }
        if (!call.waitOver) {
            for (Accumulator a : call.targets) {
                a.callbacksRequested++;
            }
        }
        call.waitOver = true;
    }

    private void wrapUpStarted(WrapUpStarted e) {
        CallTrack call = calls.get(e.callId());
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

    private void wrapUpEnded(WrapUpEnded e) {
        CallTrack call = calls.get(e.callId());
        if (call == null) {
            return;
        }
        for (Leg leg : call.legs) {
            if (leg.repId.equals(e.repId()) && leg.wrapStart >= 0 && !leg.wrapDone) {
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
                break;
            }
        }
        maybeRetire(call, e.at());
    }

    private void disposition(DispositionRecorded e) {
        String outcome = Metric.outcomeName(e.outcome());
        for (Accumulator a : lateTargets(e.callId(), e.repId(), e.at())) {
            a.dispositions++;
            a.revenueCents += e.revenueCents();
            a.outcome(outcome);
        }
    }

    private void qaScored(QaScored e) {
        for (Accumulator a : lateTargets(e.callId(), e.repId(), e.at())) {
            a.qaScored++;
            a.qaScoreTotal += e.score();
        }
    }

    /** Where a disposition or QA score counts: the rep's leg of the call, even after the call is over. */
    private Accumulator[] lateTargets(long callId, String repId, long at) {
        CallTrack call = calls.get(callId);
        if (call == null) {
            call = retired.get(callId);
        }
        if (call == null) {
            // The call is older than this projection knows: count it where and when the event happened.
            long interval = intervals.start(at);
            return Groups.concat(new Accumulator[] {groups.all(interval)},
                    repId == null ? new Accumulator[0] : groups.rep(repId, interval));
        }
        Leg found = null;
        for (Leg leg : call.legs) {
            if (!leg.talkless && leg.repId.equals(repId)) {
                found = leg;
            }
        }
        if (found != null) {
            return found.targets;
        }
        return repId == null ? call.targets : Groups.concat(call.targets, groups.rep(repId, call.interval));
    }

    private void maybeRetire(CallTrack call, long at) {
        if (!call.ended) {
            return;
        }
        for (Leg leg : call.legs) {
            if (!leg.wrapDone) {
                return;
            }
        }
        retire(call, at);
    }

    private void retire(CallTrack call, long at) {
        calls.remove(call.callId);
        for (Leg leg : call.legs) {
            if (leg.busy) {
                reps.busy(leg.repId, at, -1);
                leg.busy = false;
            }
        }
        if (call.placingBusy) {
            reps.busy(call.placingRep, at, -1);
            call.placingBusy = false;
        }
        call.activeLeg = null;
        call.visit = null;
        call.retiredAt = at;
        retired.put(call.callId, call);
    }

    /** Closes calls whose remaining events will not come, and forgets finished calls past the retention. */
    private void sweep() {
        List<CallTrack> done = new ArrayList<>();
        for (CallTrack call : calls.values()) {
            if (call.ended && call.endedAt < latestAt - WRAP_GRACE_MS || call.lastAt < latestAt - STALE_CALL_MS) {
                done.add(call);
            }
        }
        done.sort((a, b) -> Long.compare(a.callId, b.callId));
        for (CallTrack call : done) {
            retire(call, latestAt);
        }
        Iterator<CallTrack> oldest = retired.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().retiredAt >= latestAt - LATE_EVENT_RETENTION_MS) {
                break;
            }
            oldest.remove();
        }
    }

    // ---- queries

    /** A report over everything the projection has seen, by {@code by}. */
    public Report report(Grouping by) {
        return reports.everything(by, latestAt);
    }

    /**
     * Figures for the calls that arrived in [{@code fromAt}, {@code toAtExclusive}) and the rep time that passed in
     * it, one row per group. The range is widened to whole 15-minute intervals: every interval that overlaps it is
     * included, and the report says the range it covers. Rep time still running counts up to {@link #latestAt()}.
     *
     * @throws IllegalArgumentException if the range is empty or {@code by} is null
     */
    public Report report(Grouping by, long fromAt, long toAtExclusive) {
        return reports.report(by, fromAt, toAtExclusive, latestAt);
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

    /** One call while it lives: where its figures go, its current queue visit and its rep legs. */
    private static final class CallTrack {
        final long callId;
        final long interval;
        final Direction direction;
        /** ALL, DIRECTION and (once classified) SEGMENT of the arrival interval. */
        Accumulator[] targets;
        boolean arrivalSeen;
        String segment;
        String placingRep;
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

        Leg legAwaitingWrap(String repId) {
            Leg found = null;
            for (Leg leg : legs) {
                if (leg.repId.equals(repId) && leg.wrapStart < 0 && !leg.wrapDone && !leg.talkless) {
                    found = leg;
                }
            }
            return found;
        }
    }

    /** A call's stay in one queue: counted in the queue's row only. */
    private static final class Visit {
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
    }

    /** One rep's part of a call: from answer through talk, hold and wrap-up. */
    private static final class Leg {
        final String repId;
        final Accumulator[] targets;
        final long answeredAt;
        long holdStart = -1;
        long holdMs;
        long wrapStart = -1;
        boolean wrapDone;
        boolean busy;
        boolean talkless;

        Leg(String repId, Accumulator[] targets, long answeredAt) {
            this.repId = repId;
            this.targets = targets;
            this.answeredAt = answeredAt;
        }
    }
}

package dev.acd.router;

import java.util.List;
import java.util.Map;

import dev.acd.core.call.Classifier;
import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackOffered;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.event.Explanation;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.TierWidened;
import dev.acd.core.event.Trigger;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.Tier;

/**
 * The routing engine: a deterministic state machine. {@link #apply} takes one event and writes the decisions and
 * commands it causes to a {@link RoutingOutput}. It reads no clock (time is the events' {@code at}, never going
 * back), does no I/O and draws no random numbers, so the same events always give the same decisions and replaying a
 * journal rebuilds the same state.
 *
 * <p>Rules, as in the design: each queue's tiers widen who may take a call as it waits; among eligible available
 * reps the router picks by rule (account owner, owning partner, home team, skilled), territory match, skill level,
 * longest idle, then rep id. A rep that becomes available takes the most urgent call it is eligible for; urgency is
 * priority plus aging, and a call whose offer failed goes back to the head of its queue. A call is not offered again
 * to a rep who failed it.
 *
 * <p>Threading: not thread-safe; one router thread owns it.
 */
public final class RoutingEngine {
    private static final int MS_PER_SECOND = 1_000;

    // The configuration in force: replaced whole by each ConfigChanged (see Reconfiguration).
    private RoutingModel model;
    private RepState[] reps = new RepState[0];
    private Map<String, RepState> repsById = Map.of();
    private RepIndex index;
    private Map<String, Queue> queues = Map.of();
    private Map<String, QueueTiers> queueTiers = Map.of();

    private final CallTable calls = new CallTable();
    private final WaitingCalls waiting = new WaitingCalls();
    private final TimerHeap timers = new TimerHeap();
    private final CallTimers callTimers = new CallTimers(timers);
    private final LiveWindows liveWindows = new LiveWindows();
    private final RepSelector selector;
    private long now = Long.MIN_VALUE;
    private long seq;
    private long ignored;

    /** An empty engine; it routes from its first {@code ConfigChanged}. */
    public RoutingEngine() {
        this(RepSelector.DIRECT_SCAN_LIMIT);
    }

    /** For tests: up to how many available reps the selector checks one by one instead of intersecting bit sets. */
    RoutingEngine(int directScanLimit) {
        selector = new RepSelector(directScanLimit);
    }

    /**
     * An engine brought to the state a journal describes, e.g. after a restart: every event is applied in order,
     * decisions in the journal are skipped (the engine makes them again) and nothing is emitted.
     */
    public static RoutingEngine rebuiltFrom(Iterable<? extends Event> journal) {
        RoutingEngine engine = new RoutingEngine();
        for (Event event : journal) {
            engine.apply(event, RoutingOutput.DISCARD);
        }
        return engine;
    }

    /**
     * Applies one event. Due timers fire first (at the event's time), then the event itself.
     * Events that do not fit the router's state (an answer for an offer already cancelled, an unknown rep) are
     * counted in {@link #ignoredEvents()} and change nothing.
     */
    public void apply(Event event, RoutingOutput out) {
        now = Math.max(now, event.at());
        if (event instanceof ConfigChanged changed) {
            if (model != null) {
                // Timers due under the old configuration fire under it.
                fireTimers(out);
            }
            configure(changed.model(), out);
            return;
        }
        if (model == null || event instanceof Decision) {
            ignored++;
            return;
        }
        fireTimers(out);
        refreshLiveWindows(out);
        if (event instanceof CallArrived e) {
            arrived(e, out);
        } else if (event instanceof CallClassified e) {
            classified(e, out);
        } else if (event instanceof CallAnswered e) {
            answered(e);
        } else if (event instanceof CallEnded e) {
            ended(e.callId(), out);
        } else if (event instanceof OfferFailed e) {
            offerFailed(e, out);
        } else if (event instanceof CallAbandoned e) {
            leftQueue(e.callId(), out);
        } else if (event instanceof CallbackRequested e) {
            leftQueue(e.callId(), out);
        } else if (event instanceof CallTransferred e) {
            transferred(e, out);
        } else if (event instanceof RepReady e) {
            ready(e, out);
        } else if (event instanceof RepNotReady e) {
            notReady(e, out);
        } else if (event instanceof RepLoggedIn e) {
            loggedIn(e);
        } else if (event instanceof RepLoggedOut e) {
            loggedOut(e, out);
        }
        // Ticks only move time; holds, dispositions, recordings and QA scores do not change routing. Neither do
        // softphone reachability (RepReachable/RepUnreachable, until a later issue) and SourceBlocked.
    }

    /** Events that did not fit the router's state, since it was created. */
    public long ignoredEvents() {
        return ignored;
    }

    /** The routing model in force, or null before the first configuration. */
    public RoutingModel model() {
        return model;
    }

    // ---- calls ----

    private void arrived(CallArrived e, RoutingOutput out) {
        if (calls.containsKey(e.callId())) {
            ignored++;
            return;
        }
        if (e.direction() == Direction.INBOUND) {
            calls.put(e.callId(), new CallState(e.callId(), Direction.INBOUND));
            return;
        }
        RepState rep = repsById.get(e.repId());
        if (rep == null || rep.activity == RepActivity.ON_CALL) {
            ignored++;
            return;
        }
        // Dialling out makes the rep busy: a wrap-up ends, and a ringing offer goes back to its queue, only once the
        // rep is busy so the call cannot be offered straight back to the same rep.
        CallState ringing = rep.activity == RepActivity.OFFERED ? calls.get(rep.callId) : null;
        if (rep.activity == RepActivity.OFFERED) {
            out.command(new CancelOffer(rep.callId, rep.rep.id()));
        } else if (rep.activity == RepActivity.WRAP_UP) {
            closeWrapUp(rep, out);
        }
        CallState call = new CallState(e.callId(), Direction.OUTBOUND);
        call.phase = CallPhase.CONNECTED;
        call.rep = rep.index;
        call.connectedRepId = rep.rep.id();
        calls.put(call.callId, call);
        rep.activity = RepActivity.ON_CALL;
        rep.callId = call.callId;
        updateAvailability(rep);
        if (ringing != null) {
            requeueAtHead(ringing, out);
        }
    }

    private void classified(CallClassified e, RoutingOutput out) {
        CallState call = calls.get(e.callId());
        if (call == null || call.classification != null) {
            ignored++;
            return;
        }
        call.classification = e;
        call.skills = e.skills();
        call.priority = e.priority();
        if (call.direction == Direction.OUTBOUND) {
            return;
        }
        Queue queue = e.queueId() == null ? null : queues.get(e.queueId());
        if (queue == null) {
            ignored++;
            calls.remove(call.callId);
            out.command(new HangUpCall(call.callId, "no queue " + e.queueId() + " in the configuration"));
            return;
        }
        call.firstQueuedAt = now;
        enqueue(call, queue, out);
    }

    private void enqueue(CallState call, Queue queue, RoutingOutput out) {
        call.resolve(index);
        call.queue = queue;
        call.tiers = queueTiers.get(queue.id());
        call.queuedAt = now;
        call.head = false;
        call.phase = CallPhase.WAITING;
        call.rep = -1;
        call.seq = seq++;
        call.tier = CallTimers.tierAfter(queue, 0);
        call.bucket = waiting.bucketOf(call);
        call.bucket.add(call);
        out.decided(new CallQueued(now, call.callId, queue.id(), call.priority));
        callTimers.arm(call, now);
        tryOffer(call, Trigger.CALL_QUEUED, out);
    }

    private void tryOffer(CallState call, Trigger trigger, RoutingOutput out) {
        RepSelector.Choice choice = selector.select(call, reps, index, trigger, model.settings().passedOverLimit());
        if (choice.rep() >= 0) {
            offer(call, reps[choice.rep()], choice.explanation(), out);
        }
    }

    private void offer(CallState call, RepState rep, Explanation why, RoutingOutput out) {
        call.bucket.remove(call);
        call.phase = CallPhase.OFFERED;
        call.rep = rep.index;
        rep.activity = RepActivity.OFFERED;
        rep.callId = call.callId;
        updateAvailability(rep);
        out.decided(new CallOffered(now, call.callId, rep.rep.id(), call.queue.id(), call.tier, why));
        out.command(new OfferCall(call.callId, rep.rep.id(), rep.rep.reach(), call.queue.ringTimeoutSeconds()));
    }

    private void answered(CallAnswered e) {
        CallState call = calls.get(e.callId());
        RepState rep = repsById.get(e.repId());
        if (call == null || rep == null || call.rep != rep.index) {
            ignored++;
            return;
        }
        if (call.phase == CallPhase.OFFERED) {
            call.phase = CallPhase.CONNECTED;
            call.connectedRepId = rep.rep.id();
            callTimers.cancel(call);
            rep.activity = RepActivity.ON_CALL;
        } else if (call.phase != CallPhase.CONNECTED) {
            ignored++;
            return;
        }
        for (int kind = 0; kind < rep.missesInRow.length; kind++) {
            rep.missesInRow[kind] = 0;
        }
    }

    private void ended(long callId, RoutingOutput out) {
        CallState call = calls.get(callId);
        if (call == null) {
            ignored++;
            return;
        }
        if (call.phase != CallPhase.CONNECTED) {
            leftQueue(callId, out);
            return;
        }
        calls.remove(callId);
        RepState rep = call.rep >= 0 ? reps[call.rep] : null;
        if (rep != null && rep.callId == callId) {
            startWrapUp(rep, call, out);
        }
    }

    /** The caller left before talking to a rep: abandoned, took a callback, or hung up while ringing. */
    private void leftQueue(long callId, RoutingOutput out) {
        CallState call = calls.remove(callId);
        if (call == null) {
            ignored++;
            return;
        }
        callTimers.cancel(call);
        switch (call.phase) {
            case WAITING -> call.bucket.remove(call);
            case OFFERED -> {
                RepState rep = reps[call.rep];
                out.command(new CancelOffer(callId, rep.rep.id()));
                rep.activity = RepActivity.IDLE;
                rep.callId = RepState.NO_CALL;
                updateAvailability(rep);
                takeNextCall(rep, Trigger.REP_AVAILABLE, out);
            }
            case CONNECTED -> {
                calls.put(callId, call);
                ended(callId, out);
            }
            case ARRIVED -> {
            }
        }
    }

    private void offerFailed(OfferFailed e, RoutingOutput out) {
        CallState call = calls.get(e.callId());
        RepState rep = repsById.get(e.repId());
        if (call == null || rep == null || call.phase != CallPhase.OFFERED || call.rep != rep.index) {
            ignored++;
            return;
        }
        rep.activity = RepActivity.IDLE;
        rep.callId = RepState.NO_CALL;
        rep.idleSince = now;
        int misses = ++rep.missesInRow[e.failure().ordinal()];
        int threshold = threshold(e.failure());
        if (threshold > 0 && misses >= threshold && rep.status == RepStatus.READY) {
            rep.status = RepStatus.NOT_READY;
            rep.notReadyReason = reasonFor(e.failure());
            out.decided(new RepMarkedNotReady(now, rep.rep.id(), rep.notReadyReason));
        }
        updateAvailability(rep);
        call.decline(rep.index);
        if (call.directRep >= 0) {
            // The named rep did not take the transfer: the call goes back to its queue for everyone eligible.
            call.directRep = -1;
            call.directUntil = Long.MAX_VALUE;
            call.bucket = waiting.bucketOf(call);
        }
        requeueAtHead(call, out);
        takeNextCall(rep, Trigger.REP_AVAILABLE, out);
    }

    private int threshold(OfferFailure failure) {
        return switch (failure) {
            case NO_ANSWER -> model.settings().misses().noAnswer();
            case REJECTED -> model.settings().misses().rejected();
            case BUSY -> model.settings().misses().busy();
            case UNREACHABLE -> model.settings().misses().unreachable();
        };
    }

    /** The not-ready reason code the router gives after too many failures of one kind. */
    public static String reasonFor(OfferFailure failure) {
        return switch (failure) {
            case NO_ANSWER -> "ring-no-answer";
            case REJECTED -> "rejected";
            case BUSY -> "busy";
            case UNREACHABLE -> "unreachable";
        };
    }

    private void requeueAtHead(CallState call, RoutingOutput out) {
        call.phase = CallPhase.WAITING;
        call.rep = -1;
        call.head = true;
        call.bucket.add(call);
        if (CallTimers.maxWaitPassed(call, now)) {
            maxWaitReached(call, out);
        } else {
            tryOffer(call, Trigger.REQUEUED, out);
        }
    }

    /** Takes a ringing call away from a rep (the rep logged out or dialled out) and puts it back at the head. */
    private void withdrawOffer(RepState rep, RoutingOutput out) {
        CallState call = calls.get(rep.callId);
        out.command(new CancelOffer(rep.callId, rep.rep.id()));
        rep.activity = RepActivity.IDLE;
        rep.callId = RepState.NO_CALL;
        updateAvailability(rep);
        if (call != null) {
            requeueAtHead(call, out);
        }
    }

    /**
     * A rep blind-transferred a connected call. To a queue: the call waits there as a call of that queue would, with
     * that queue's skill requirements (customer facts and priority stay), tiers and wait thresholds counted from
     * now, and never offered back to the rep who sent it away. To a rep: the call waits in its queue for that rep
     * alone, for at most the queue's ring timeout, then for everyone eligible; a rep who is logged out (call control
     * refuses such a REFER, but the journal may say otherwise) is not waited for at all.
     */
    private void transferred(CallTransferred e, RoutingOutput out) {
        CallState call = calls.get(e.callId());
        RepState rep = repsById.get(e.repId());
        if (call == null || rep == null || call.phase != CallPhase.CONNECTED || call.rep != rep.index) {
            ignored++;
            return;
        }
        startWrapUp(rep, call, out);
        call.declined = new int[0];
        call.directRep = -1;
        call.directUntil = Long.MAX_VALUE;
        switch (e.targetKind()) {
            case QUEUE -> {
                Queue target = queues.get(e.target());
                if (target == null || call.classification == null) {
                    calls.remove(call.callId);
                    ignored++;
                } else {
                    call.skills = Classifier.requirements(model, target, call.classification.language());
                    call.decline(rep.index);
                    call.firstQueuedAt = now;
                    enqueue(call, target, out);
                }
            }
            case REP -> {
                RepState target = repsById.get(e.target());
                Queue queue = call.queue != null ? call.queue : firstQueue();
                if (target == null || queue == null || call.classification == null) {
                    calls.remove(call.callId);
                    ignored++;
                } else {
                    if (target.status != RepStatus.LOGGED_OUT) {
                        call.directRep = target.index;
                        call.directUntil = now + (long) queue.ringTimeoutSeconds() * MS_PER_SECOND;
                    }
                    call.firstQueuedAt = now;
                    enqueue(call, queue, out);
                }
            }
            case NUMBER -> calls.remove(call.callId);
        }
    }

    private Queue firstQueue() {
        return model.queues().isEmpty() ? null : queues.get(model.queues().get(0).id());
    }

    // ---- reps ----

    private void loggedIn(RepLoggedIn e) {
        RepState rep = repsById.get(e.repId());
        if (rep == null) {
            ignored++;
            return;
        }
        if (rep.status == RepStatus.LOGGED_OUT) {
            rep.status = RepStatus.NOT_READY;
            rep.notReadyReason = "logged-in";
            if (rep.activity == RepActivity.IDLE) {
                rep.idleSince = now;
            }
        }
    }

    private void ready(RepReady e, RoutingOutput out) {
        RepState rep = repsById.get(e.repId());
        if (rep == null || rep.status == RepStatus.LOGGED_OUT) {
            ignored++;
            return;
        }
        boolean wasAvailable = rep.available();
        rep.status = RepStatus.READY;
        rep.notReadyReason = null;
        if (rep.activity == RepActivity.WRAP_UP) {
            endWrapUp(rep, out);
            return;
        }
        if (!wasAvailable && rep.activity == RepActivity.IDLE) {
            // Idle time counts from when the rep became available: a break does not make a rep "longest idle".
            rep.idleSince = now;
        }
        updateAvailability(rep);
        if (!wasAvailable) {
            takeNextCall(rep, Trigger.REP_AVAILABLE, out);
        }
    }

    private void notReady(RepNotReady e, RoutingOutput out) {
        RepState rep = repsById.get(e.repId());
        if (rep == null || rep.status == RepStatus.LOGGED_OUT) {
            ignored++;
            return;
        }
        // Wrap-up goes on to its end (or RepReady); the rep is then simply not available.
        rep.status = RepStatus.NOT_READY;
        rep.notReadyReason = e.reason();
        updateAvailability(rep);
    }

    private void loggedOut(RepLoggedOut e, RoutingOutput out) {
        RepState rep = repsById.get(e.repId());
        if (rep == null || rep.status == RepStatus.LOGGED_OUT) {
            ignored++;
            return;
        }
        rep.status = RepStatus.LOGGED_OUT;
        rep.notReadyReason = null;
        if (rep.activity == RepActivity.OFFERED) {
            withdrawOffer(rep, out);
        } else if (rep.activity == RepActivity.WRAP_UP) {
            endWrapUp(rep, out);
        }
        updateAvailability(rep);
    }

    private void startWrapUp(RepState rep, CallState call, RoutingOutput out) {
        int wrapSeconds = call.queue != null ? call.queue.wrapUpSeconds() : model.settings().outboundWrapUpSeconds();
        long callId = call.callId;
        rep.activity = RepActivity.WRAP_UP;
        rep.callId = callId;
        rep.wrapEndsAt = now + (long) wrapSeconds * MS_PER_SECOND;
        out.decided(new WrapUpStarted(now, rep.rep.id(), callId, rep.wrapEndsAt));
        if (wrapSeconds <= 0) {
            endWrapUp(rep, out);
        } else {
            timers.schedule(rep, rep.wrapEndsAt);
        }
    }

    private void endWrapUp(RepState rep, RoutingOutput out) {
        closeWrapUp(rep, out);
        rep.activity = RepActivity.IDLE;
        rep.callId = RepState.NO_CALL;
        rep.idleSince = now;
        updateAvailability(rep);
        takeNextCall(rep, Trigger.REP_AVAILABLE, out);
    }

    /** Journals the end of a rep's wrap-up; the caller decides what the rep does next. */
    private void closeWrapUp(RepState rep, RoutingOutput out) {
        timers.cancel(rep);
        out.decided(new WrapUpEnded(now, rep.rep.id(), rep.callId));
    }

    private void updateAvailability(RepState rep) {
        index.setAvailable(rep.index, rep.available() && rep.live);
    }

    /** An available rep takes the most urgent waiting call it is eligible for, if any. */
    private void takeNextCall(RepState rep, Trigger trigger, RoutingOutput out) {
        if (!index.isAvailable(rep.index)) {
            return;
        }
        CallState best = waiting.mostUrgentFor(rep, now);
        if (best != null) {
            boolean territoryMatch = best.classification.territory() != null
                    && best.classification.territory().equals(rep.rep.territory());
            Explanation why = new Explanation(trigger, Eligibility.rule(best, rep.index, rep.rep), territoryMatch,
                    RepSelector.skillScore(best.bucket, index, rep.index), rep.idleSince, 1, List.of());
            offer(best, rep, why, out);
        }
    }

    // ---- time ----

    private void fireTimers(RoutingOutput out) {
        for (Timed due = timers.pollDue(now); due != null; due = timers.pollDue(now)) {
            if (due instanceof RepState rep) {
                if (rep.index < reps.length && reps[rep.index] == rep && rep.activity == RepActivity.WRAP_UP) {
                    endWrapUp(rep, out);
                }
            } else {
                CallState call = (CallState) due;
                if (calls.get(call.callId) != call) {
                    continue;
                }
                // A tier and the max wait due at the same moment: the tier opens first.
                if (CallTimers.firedForDirectEnd(call)) {
                    endDirectWait(call);
                    callTimers.arm(call, now);
                    tryOffer(call, Trigger.REQUEUED, out);
                } else if (CallTimers.firedForTier(call)) {
                    nextTier(call, out);
                } else if (call.phase == CallPhase.WAITING) {
                    maxWaitReached(call, out);
                } else {
                    callTimers.arm(call, now);
                }
            }
        }
    }

    private void nextTier(CallState call, RoutingOutput out) {
        call.tier++;
        Tier tier = call.queue.tiers().get(call.tier - 1);
        if (call.directRep >= 0) {
            // A transfer to a named rep waits for that rep alone only until the queue's next tier opens.
            endDirectWait(call);
        }
        out.decided(new TierWidened(now, call.callId, call.queue.id(), call.tier));
        if (tier.offerCallback()) {
            out.decided(new CallbackOffered(now, call.callId, call.queue.id()));
            out.command(new OfferCallback(call.callId));
        }
        callTimers.arm(call, now);
        if (call.phase == CallPhase.WAITING) {
            tryOffer(call, Trigger.TIER_WIDENED, out);
        }
    }

    /** The call stops waiting for its named rep alone: it joins its queue's bucket for everyone eligible. */
    private void endDirectWait(CallState call) {
        call.directRep = -1;
        call.directUntil = Long.MAX_VALUE;
        if (call.phase == CallPhase.WAITING) {
            call.bucket.remove(call);
            call.bucket = waiting.bucketOf(call);
            call.bucket.add(call);
        } else {
            call.bucket = waiting.bucketOf(call);
        }
    }

    private void maxWaitReached(CallState call, RoutingOutput out) {
        Queue queue = call.queue;
        Queue overflow = queue.overflowQueue() == null ? null : queues.get(queue.overflowQueue());
        MaxWaitAction action = queue.maxWaitAction() == MaxWaitAction.OVERFLOW && overflow == null
                ? MaxWaitAction.HANG_UP : queue.maxWaitAction();
        out.decided(new MaxWaitReached(now, call.callId, queue.id(), action));
        call.bucket.remove(call);
        callTimers.cancel(call);
        switch (action) {
            case OVERFLOW -> {
                call.declined = new int[0];
                call.directRep = -1;
                call.directUntil = Long.MAX_VALUE;
                // routed as the overflow queue routes, as a transfer to it is: its reps may lack the first queue's skills
                if (call.classification != null) {
                    call.skills = Classifier.requirements(model, overflow, call.classification.language());
                }
                enqueue(call, overflow, out);
            }
            case CALLBACK -> {
                calls.remove(call.callId);
                out.command(new OfferCallback(call.callId, true));
            }
            case HANG_UP -> {
                calls.remove(call.callId);
                out.command(new HangUpCall(call.callId, "max wait reached in queue " + queue.id()));
            }
        }
    }

    /** Field reps' live windows are checked once per minute of event time. */
    private void refreshLiveWindows(RoutingOutput out) {
        if (!liveWindows.minuteTurned(now)) {
            return;
        }
        for (RepState rep : liveWindows.fieldReps()) {
            if (liveWindows.refresh(rep)) {
                updateAvailability(rep);
                if (rep.live) {
                    takeNextCall(rep, Trigger.LIVE_WINDOW_OPENED, out);
                }
            }
        }
    }

    // ---- configuration ----

    private void configure(RoutingModel next, RoutingOutput out) {
        Reconfiguration change = new Reconfiguration(reps, repsById, next, now);
        model = next;
        reps = change.reps;
        repsById = change.repsById;
        index = change.index;
        queues = change.queues;
        queueTiers = change.queueTiers;
        change.moveCalls(calls, waiting, callTimers, now);
        for (RepState rep : reps) {
            rep.live = rep.rep.takesLiveCallsAt(now);
            updateAvailability(rep);
        }
        liveWindows.reset(change.fieldReps, now);
        // Reps that left the configuration: a wrap-up ends, a ringing call goes back to the head of its queue.
        for (RepState rep : change.departed()) {
            if (rep.activity == RepActivity.WRAP_UP) {
                closeWrapUp(rep, out);
            } else if (rep.activity == RepActivity.OFFERED) {
                out.command(new CancelOffer(rep.callId, rep.rep.id()));
                CallState call = calls.get(rep.callId);
                if (call != null) {
                    call.bucket = waiting.bucketOf(call);
                    requeueAtHead(call, out);
                }
            }
        }
        // Skills or tiers may have changed: every available rep, longest idle first, takes what it now may.
        for (RepState rep : change.availableLongestIdleFirst()) {
            takeNextCall(rep, Trigger.REP_AVAILABLE, out);
        }
    }

    // ---- inspection ----

    /** One rep's routing state, or null for an unknown rep. Cheap; for the thread that owns the engine. */
    public RouterSnapshot.RepView rep(String repId) {
        RepState rep = repsById.get(repId);
        return rep == null ? null : RouterSnapshot.view(rep);
    }

    /** Whether the router still tracks a call (waiting, ringing or connected). */
    public boolean tracks(long callId) {
        return calls.containsKey(callId);
    }

    /** A copy of the whole routing state, for replay checks, tests and the live views. Allocates; not for hot paths. */
    public RouterSnapshot snapshot() {
        return RouterSnapshot.of(reps, calls.values(), timers, now);
    }
}

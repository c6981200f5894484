package dev.acd.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;

/**
 * One configuration change, up to where it would emit anything: carries each rep's state into the new model, then
 * moves the tracked calls over to it. The engine adopts the result, ends departed reps' work and lets available
 * reps take calls. Built once per {@code ConfigChanged}; runs on the router thread only.
 */
final class Reconfiguration {
    /** Every rep of the new model, in id order: a rep's position is its index everywhere in the router. */
    final RepState[] reps;
    final Map<String, RepState> repsById = new HashMap<>();
    final List<RepState> fieldReps = new ArrayList<>();
    final RepIndex index;
    final Map<String, Queue> queues = new HashMap<>();
    final Map<String, QueueTiers> queueTiers = new HashMap<>();
    /** Reps of the previous configuration that the new one lacks, by id, as they were when it changed. */
    private final Map<String, RepState> previous;
    /** A rep's index in the previous configuration to its index in the new one, or -1 when it left. */
    private final int[] remap;

    /**
     * Re-indexes the reps for {@code next}. A rep that stays keeps its state object (status, activity, call,
     * misses); a new rep starts logged out and idle since {@code now}.
     */
    Reconfiguration(RepState[] previousReps, Map<String, RepState> previousById, RoutingModel next, long now) {
        previous = new HashMap<>(previousById);
        List<Rep> ordered = new ArrayList<>(next.reps());
        ordered.sort(Comparator.comparing(Rep::id));
        reps = new RepState[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            Rep rep = ordered.get(i);
            RepState state = previous.remove(rep.id());
            if (state == null) {
                state = new RepState(i, rep);
                state.idleSince = now;
            }
            state.index = i;
            state.rep = rep;
            reps[i] = state;
            repsById.put(rep.id(), state);
            if (rep.kind() == RepKind.FIELD) {
                fieldReps.add(state);
            }
        }
        remap = new int[previousReps.length];
        for (int i = 0; i < previousReps.length; i++) {
            RepState kept = repsById.get(previousReps[i].rep.id());
            remap[i] = kept == previousReps[i] ? kept.index : -1;
        }
        index = new RepIndex(next, ordered);
        next.queues().forEach(q -> queues.put(q.id(), q));
        next.queues().forEach(q -> queueTiers.put(q.id(), new QueueTiers(q)));
    }

    /**
     * Moves every tracked call to the new configuration: rep indexes, its queue and what its classification
     * resolves to; waiting calls into new buckets (in entry order); waiting and ringing calls to the tier their wait
     * reaches under their queue's tiers now, with their timer set again. Emits nothing.
     */
    void moveCalls(CallTable calls, WaitingCalls waiting, CallTimers timers, long now) {
        List<CallState> stillWaiting = new ArrayList<>();
        for (CallState call : calls.values()) {
            call.rep = call.rep >= 0 ? remap[call.rep] : -1;
            if (call.phase == CallPhase.CONNECTED && call.rep < 0 && repsById.containsKey(call.connectedRepId)) {
                // The rep left an earlier configuration mid-call and is back: it is still on that call.
                RepState back = repsById.get(call.connectedRepId);
                if (back.activity == RepActivity.IDLE) {
                    call.rep = back.index;
                    back.activity = RepActivity.ON_CALL;
                    back.callId = call.callId;
                }
            }
            call.directRep = call.directRep >= 0 ? remap[call.directRep] : -1;
            call.declined = Arrays.stream(call.declined).map(r -> remap[r]).filter(r -> r >= 0).toArray();
            if (call.queue != null && queues.containsKey(call.queue.id())) {
                call.queue = queues.get(call.queue.id());
            }
            if (call.queue != null) {
                call.tiers = queueTiers.computeIfAbsent(call.queue.id(), id -> new QueueTiers(call.queue));
            }
            if (call.classification != null) {
                call.resolve(index);
            }
            if (call.phase == CallPhase.WAITING) {
                stillWaiting.add(call);
            }
        }
        waiting.reset(index);
        stillWaiting.sort(Comparator.comparingLong(c -> c.seq));
        for (CallState call : stillWaiting) {
            call.bucket = waiting.bucketOf(call);
            call.bucket.add(call);
        }
        // Tiers and limits may have changed: each queued call's tier and timers follow its queue as it is now.
        List<CallState> queued = new ArrayList<>();
        for (CallState call : calls.values()) {
            if (call.phase == CallPhase.WAITING || call.phase == CallPhase.OFFERED) {
                queued.add(call);
            }
        }
        queued.sort(Comparator.comparingLong(c -> c.seq));
        for (CallState call : queued) {
            if (call.phase == CallPhase.OFFERED) {
                // Not in a bucket while it rings, but it returns to one if the offer fails: point it at the new one.
                call.bucket = waiting.bucketOf(call);
            }
            call.tier = CallTimers.tierAfter(call.queue, now - call.queuedAt);
            timers.arm(call, now);
        }
    }

    /** The reps that left the configuration, in id order, with the activity they had. */
    List<RepState> departed() {
        List<RepState> gone = new ArrayList<>(previous.values());
        gone.sort(Comparator.comparing(r -> r.rep.id()));
        return gone;
    }

    /** The reps available now, longest idle first: the order in which they take calls after the change. */
    List<RepState> availableLongestIdleFirst() {
        List<RepState> available = new ArrayList<>();
        for (RepState rep : reps) {
            if (index.isAvailable(rep.index)) {
                available.add(rep);
            }
        }
        available.sort(Comparator.comparingLong((RepState r) -> r.idleSince).thenComparingInt(r -> r.index));
        return available;
    }
}

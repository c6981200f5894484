package dev.acd.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import dev.acd.core.model.Direction;

/**
 * A value copy of the router's whole state. Two engines that saw the same events have equal snapshots, field by
 * field; replay tests rely on that.
 *
 * @param now    the latest event time the router has seen
 * @param reps   every rep, in id order
 * @param calls  every call the router still tracks, by call id
 * @param timers pending timers in firing order
 */
public record RouterSnapshot(long now, List<RepView> reps, List<CallView> calls, List<TimerView> timers) {

    /** One rep's routing state. {@code misses} counts failed offers in a row by failure kind. */
    public record RepView(String id, RepStatus status, String notReadyReason, RepActivity activity, long callId,
                          long idleSince, long wrapEndsAt, List<Integer> misses, boolean live, boolean available) {
    }

    /** One call's routing state. Rep fields hold rep ids (null when none); {@code declined} is sorted. */
    public record CallView(long callId, Direction direction, String phase, String queueId, int tier, int priority,
                           long firstQueuedAt, long queuedAt, boolean head, long seq, String rep, String directRep,
                           List<String> declined) {
        public boolean waiting() {
            return "WAITING".equals(phase);
        }
    }

    /** A pending timer: a call's (next tier or max wait) or a rep's (end of wrap-up), and when it fires. */
    public record TimerView(long dueAt, long callId, String repId) {
    }

    static RouterSnapshot of(RepState[] reps, Collection<CallState> calls, TimerHeap timers, long now) {
        List<RepView> repViews = new ArrayList<>(reps.length);
        for (RepState rep : reps) {
            repViews.add(view(rep));
        }
        List<CallView> callViews = new ArrayList<>(calls.size());
        for (CallState call : calls) {
            callViews.add(new CallView(call.callId, call.direction, call.phase.name(),
                    call.queue == null ? null : call.queue.id(), call.tier, call.priority, call.firstQueuedAt,
                    call.queuedAt, call.head, call.seq, repId(reps, call.rep), repId(reps, call.directRep),
                    Arrays.stream(call.declined).mapToObj(r -> reps[r].rep.id()).sorted().toList()));
        }
        callViews.sort(Comparator.comparingLong(CallView::callId));
        List<TimerView> timerViews = timers.pending().stream()
                .map(t -> t instanceof RepState rep ? new TimerView(t.dueAt, 0, rep.rep.id())
                        : new TimerView(t.dueAt, ((CallState) t).callId, null))
                .toList();
        return new RouterSnapshot(now, List.copyOf(repViews), List.copyOf(callViews), timerViews);
    }

    static RepView view(RepState rep) {
        return new RepView(rep.rep.id(), rep.status, rep.notReadyReason, rep.activity, rep.callId,
                rep.idleSince, rep.wrapEndsAt, Arrays.stream(rep.missesInRow).boxed().toList(), rep.live,
                rep.available() && rep.live);
    }

    private static String repId(RepState[] reps, int index) {
        return index >= 0 && index < reps.length ? reps[index].rep.id() : null;
    }

    /** Waiting calls, most urgent first is not implied: in call id order. */
    public List<CallView> waitingCalls() {
        return calls.stream().filter(CallView::waiting).toList();
    }

    public RepView rep(String id) {
        return reps.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    public CallView call(long callId) {
        return calls.stream().filter(c -> c.callId() == callId).findFirst().orElse(null);
    }
}

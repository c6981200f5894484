package dev.acd.router;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The router's timers, fired by event time. A timer that became stale (its call moved on) is recognised by its
 * generation and dropped when it comes due. Runs on the router thread only.
 */
final class Timers {
    enum Kind { NEXT_TIER, MAX_WAIT, WRAP_END }

    record Timer(long dueAt, long seq, Kind kind, CallState call, int generation, RepState rep) {
    }

    private final PriorityQueue<Timer> due = new PriorityQueue<>((a, b) -> {
        int byTime = Long.compare(a.dueAt, b.dueAt);
        return byTime != 0 ? byTime : Long.compare(a.seq, b.seq);
    });
    private long seq;

    void forCall(long dueAt, Kind kind, CallState call) {
        due.add(new Timer(dueAt, seq++, kind, call, call.timerGeneration, null));
    }

    void forRep(long dueAt, RepState rep) {
        due.add(new Timer(dueAt, seq++, Kind.WRAP_END, null, 0, rep));
    }

    /** The next timer due at or before {@code now}, or null. */
    Timer pollDue(long now) {
        Timer next = due.peek();
        return next != null && next.dueAt <= now ? due.poll() : null;
    }

    /** The pending timers in the order they will fire. */
    List<Timer> pending() {
        List<Timer> pending = new ArrayList<>(due);
        pending.sort(due.comparator());
        return pending;
    }

    int size() {
        return due.size();
    }

    void clear() {
        due.clear();
    }
}

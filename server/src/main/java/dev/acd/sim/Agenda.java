package dev.acd.sim;

import java.util.PriorityQueue;

/** The simulation's future: actions ordered by time, then by the order they were scheduled. Single-threaded. */
final class Agenda {
    private record Entry(long at, long seq, Runnable action) {
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>((a, b) -> {
        int byTime = Long.compare(a.at, b.at);
        return byTime != 0 ? byTime : Long.compare(a.seq, b.seq);
    });
    private long seq;
    private long now;

    Agenda(long start) {
        now = start;
    }

    /** Schedules an action; one asked for in the past runs now. */
    void at(long at, Runnable action) {
        entries.add(new Entry(Math.max(at, now), seq++, action));
    }

    long now() {
        return now;
    }

    /** Runs actions in order until the agenda is empty or the next one is at or after {@code end}. */
    void runUntil(long end) {
        while (!entries.isEmpty() && entries.peek().at < end) {
            Entry next = entries.poll();
            now = next.at;
            next.action.run();
        }
        now = Math.max(now, end);
    }
}

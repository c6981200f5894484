package dev.acd.sip.registrar;

import dev.acd.core.time.ManualClock;
import dev.acd.sip.transaction.TransactionScheduler;
import java.util.PriorityQueue;

/**
 * One timeline for the registrar's clock and every timer (bindings, pings, transactions): {@link #advance} moves
 * the {@link ManualClock} to each due task's time before running it, like one event loop whose clock agrees.
 */
final class TestTime implements TransactionScheduler {
    final ManualClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long sequence;

    private final class Task implements Comparable<Task>, Cancellable {
        final long due;
        final long order = sequence++;
        final Runnable work;
        boolean cancelled;

        Task(long due, Runnable work) {
            this.due = due;
            this.work = work;
        }

        @Override
        public int compareTo(Task other) {
            return due != other.due ? Long.compare(due, other.due) : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    TestTime(long startMillis) {
        clock = new ManualClock(startMillis);
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        Task t = new Task(clock.millis() + Math.max(0, delayMs), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code ms}, running what falls due on the way at its own time. */
    void advance(long ms) {
        long until = clock.millis() + ms;
        while (!tasks.isEmpty() && tasks.peek().due <= until) {
            Task t = tasks.poll();
            clock.set(t.due);
            if (!t.cancelled) {
                t.work.run();
            }
        }
        clock.set(until);
    }

    long now() {
        return clock.millis();
    }

    /** Scheduled tasks not yet run or cancelled. */
    long pending() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}

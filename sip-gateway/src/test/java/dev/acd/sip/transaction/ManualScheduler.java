package dev.acd.sip.transaction;

import java.util.PriorityQueue;

/** A scheduler whose time moves only in {@link #advance}; tasks run in due order, like on one event loop. */
public final class ManualScheduler implements TransactionScheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
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

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        Task t = new Task(now + delayMs, task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code ms}, running every task that falls due on the way at its own time. */
    public void advance(long ms) {
        long until = now + ms;
        while (!tasks.isEmpty() && tasks.peek().due <= until) {
            Task t = tasks.poll();
            now = t.due;
            if (!t.cancelled) {
                t.work.run();
            }
        }
        now = until;
    }

    public long now() {
        return now;
    }
}

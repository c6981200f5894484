package dev.acd.sip.transaction;

import dev.acd.core.time.ManualClock;
import java.util.PriorityQueue;

/**
 * A scheduler whose time moves only in {@link #advance}; tasks run in due order, like on one event loop. Its time is
 * a {@link ManualClock}, moved to each task's due time before the task runs, so code that reads the clock (the
 * registrar, the defence) and the timers it schedules share one timeline.
 */
public final class ManualScheduler implements TransactionScheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final ManualClock clock;
    private long sequence;

    /** Time starting at 0. */
    public ManualScheduler() {
        this(0);
    }

    public ManualScheduler(long startMillis) {
        this.clock = new ManualClock(startMillis);
    }

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
        Task t = new Task(clock.millis() + Math.max(0, delayMs), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code ms}, running every task that falls due on the way at its own time. */
    public void advance(long ms) {
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

    public long now() {
        return clock.millis();
    }

    /** The clock this scheduler's time is on. */
    public ManualClock clock() {
        return clock;
    }

    /** Scheduled tasks not yet run or cancelled. */
    public long pending() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }
}

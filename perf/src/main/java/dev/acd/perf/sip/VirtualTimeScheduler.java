package dev.acd.perf.sip;

import dev.acd.sip.transaction.TransactionScheduler;
import java.util.PriorityQueue;

/**
 * A transaction scheduler on a virtual clock that the caller moves forward: tasks due by then run in due order.
 * Lets a benchmark keep transactions alive for their real timer durations (Timer J, K) without waiting for them.
 * Single-threaded, like the event loop it stands in for.
 */
public final class VirtualTimeScheduler implements TransactionScheduler {
    private final PriorityQueue<Task> due = new PriorityQueue<>();
    private long nowMicros;
    private long sequence;
    private long fired;

    private static final class Task implements Comparable<Task>, Cancellable {
        final long atMicros;
        final long sequence;
        final Runnable body;
        boolean cancelled;

        Task(long atMicros, long sequence, Runnable body) {
            this.atMicros = atMicros;
            this.sequence = sequence;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(atMicros, other.atMicros);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        Task t = new Task(nowMicros + delayMs * 1_000, sequence++, task);
        due.add(t);
        return t;
    }

    /** Moves the clock forward by {@code micros} and runs every task that is due by then and not cancelled. */
    public void advanceMicros(long micros) {
        nowMicros += micros;
        Task head;
        while ((head = due.peek()) != null && head.atMicros <= nowMicros) {
            due.poll();
            if (!head.cancelled) {
                fired++;
                head.body.run();
            }
        }
    }

    /** Timer tasks that ran (not cancelled) since creation. */
    public long fired() {
        return fired;
    }

    /** Tasks still queued, cancelled ones included until their due time passes. */
    public int pending() {
        return due.size();
    }
}

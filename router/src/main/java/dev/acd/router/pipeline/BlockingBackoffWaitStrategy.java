package dev.acd.router.pipeline;

import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * Blocks on the ring's cursor like Disruptor's {@code BlockingWaitStrategy}, but waits for an upstream handler by
 * spinning briefly, then yielding, then parking. The Disruptor's blocking strategies busy-spin while the handler
 * they follow works on an event: the journal thread spun behind the routing thread and, on a 2-core machine, took a
 * core from the routing thread and the SIP event loops under load (perf/RESULTS.md, "ACD under load").
 */
final class BlockingBackoffWaitStrategy implements WaitStrategy {
    private static final int SPINS = 100;
    private static final int YIELDS = 100;
    private static final long PARK_NANOS = 20_000;

    private final Object mutex = new Object();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (cursor.get() < sequence) {
            synchronized (mutex) {
                while (cursor.get() < sequence) {
                    barrier.checkAlert();
                    mutex.wait();
                }
            }
        }
        long available;
        int tries = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (tries < SPINS) {
                Thread.onSpinWait();
            } else if (tries < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
            tries++;
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        synchronized (mutex) {
            mutex.notifyAll();
        }
    }
}

package dev.acd.sip.loop;

import io.netty.channel.EventLoop;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds an event loop up, then counts its turns: a task that schedules itself again runs once per turn, after the
 * turn's I/O. Lets a test ask how many turns a backlog took to read, which is what a caller or a leg waiting on a busy
 * loop notices, without asserting on time.
 */
public final class LoopTurns implements AutoCloseable {
    private final EventLoop loop;
    private final AtomicLong turns = new AtomicLong();
    private final AtomicBoolean counting = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);

    private LoopTurns(EventLoop loop) {
        this.loop = loop;
    }

    /** Blocks {@code loop} until {@link #release()}; returns once the loop is held. */
    public static LoopTurns hold(EventLoop loop) throws InterruptedException {
        LoopTurns turns = new LoopTurns(loop);
        CountDownLatch held = new CountDownLatch(1);
        loop.execute(() -> {
            held.countDown();
            try {
                turns.release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!held.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the loop did not come round to be held");
        }
        return turns;
    }

    /** Lets the loop go and starts counting its turns from 0. */
    public void release() {
        counting.set(true);
        loop.execute(this::tick);
        release.countDown();
    }

    /** Turns the loop has finished since {@link #release()}; read it on the loop to know which turn is running. */
    public long now() {
        return turns.get();
    }

    private void tick() {
        if (counting.get()) {
            turns.incrementAndGet();
            loop.schedule(this::tick, 0, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        counting.set(false);
        release.countDown();
    }
}

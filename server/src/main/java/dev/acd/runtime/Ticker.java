package dev.acd.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.Tick;
import dev.acd.core.time.Clock;

/**
 * Publishes a {@link Tick} every interval so the router's timers (tier widening, max wait, end of wrap-up, live
 * windows) fire although the router reads no clock. A tick is skipped, not queued, when the router is saturated:
 * the next one carries the time anyway.
 */
final class Ticker implements AutoCloseable {
    private final ScheduledExecutorService executor;

    Ticker(EventPublisher events, Clock clock, long intervalMs) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "router-ticks");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(() -> events.tryPublish(new Tick(clock.millis())), intervalMs, intervalMs,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

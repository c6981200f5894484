package dev.acd.commands;

import java.util.concurrent.atomic.AtomicLong;

import dev.acd.core.time.Clock;

/**
 * Hands out call ids unique across origins and across restarts: the first is the start time in milliseconds times
 * 1000, so a server restarted later never reuses an id already in the journal (at under 1000 calls per
 * millisecond of uptime). Thread-safe.
 */
public final class CallIds {
    private final AtomicLong next;

    public CallIds(Clock clock) {
        this.next = new AtomicLong(clock.millis() * 1000);
    }

    public long next() {
        return next.getAndIncrement();
    }
}

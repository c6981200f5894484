package dev.acd.commands;

import java.util.concurrent.atomic.AtomicLong;


/**
 * Hands out call ids unique across origins and across restarts: numbering goes on after the highest id the journal
 * holds. Thread-safe.
 */
public final class CallIds {
    private final AtomicLong last;

    /** Ids after {@code lastUsed}, the highest call id already in the journal (0 for a new journal). */
    public CallIds(long lastUsed) {
        this.last = new AtomicLong(lastUsed);
    }

    public long next() {
        return last.incrementAndGet();
    }
}

package dev.acd.sip.transaction;

/**
 * Runs timer tasks later on the thread that owns the transactions (their event loop). Injected so tests move time
 * by hand; see {@link EventLoopScheduler} for the real one.
 */
public interface TransactionScheduler {
    /** Runs {@code task} after {@code delayMs} milliseconds unless cancelled first. */
    Cancellable schedule(long delayMs, Runnable task);

    /** A scheduled task that can be called off; cancelling twice or after it ran does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}

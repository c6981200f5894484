package dev.acd.demo;

/**
 * Tells a simulated customer when a rep took the call. SIP alone does not show it: the server answers a trunk call at
 * once and plays music while it waits in the queue, so a caller knows a person picked up only by hearing one. The
 * demo learns it from the journal ({@link JournalPickup}); tests decide it themselves.
 */
public interface RepPickup {
    /** Something to stop watching with. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Watches for a rep answering the live call from {@code callerNumber} (compared by digits); {@code onPickedUp}
     * runs at most once, on any thread.
     */
    Watch watch(String callerNumber, Runnable onPickedUp);

    /** Never tells: every caller waits until its patience runs out. */
    RepPickup NEVER = (number, onPickedUp) -> () -> {
    };
}

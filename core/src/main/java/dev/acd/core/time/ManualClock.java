package dev.acd.core.time;

/** A clock that moves only when told to; for tests and simulations. Not thread-safe. */
public final class ManualClock implements Clock {
    private long now;

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    /** Moves the clock forward; time never goes back. */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time cannot go back: " + millis + " ms");
        }
        now += millis;
    }

    public void set(long millis) {
        if (millis < now) {
            throw new IllegalArgumentException("time cannot go back from " + now + " to " + millis);
        }
        now = millis;
    }
}

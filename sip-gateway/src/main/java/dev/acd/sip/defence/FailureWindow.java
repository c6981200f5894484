package dev.acd.sip.defence;

/**
 * The times of the last {@code threshold} failures of one key, in a ring: the threshold is reached when the oldest
 * of them is still inside the window. An exact sliding window in {@code threshold} longs. Not thread-safe.
 */
final class FailureWindow {
    private final long[] times;
    private int next;
    private int count;

    FailureWindow(int threshold) {
        times = new long[threshold];
    }

    /** Records a failure at {@code nowMs}; true when {@code threshold} failures now fall within the window. */
    boolean add(long nowMs, long windowMs) {
        times[next] = nowMs;
        next = (next + 1) % times.length;
        if (count < times.length) {
            count++;
        }
        return count == times.length && nowMs - times[next % times.length] < windowMs;
    }

    /** Failures within the window ending at {@code nowMs}. */
    int countWithin(long nowMs, long windowMs) {
        int within = 0;
        for (int i = 0; i < count; i++) {
            if (nowMs - times[i] < windowMs) {
                within++;
            }
        }
        return within;
    }

    /** The time of the latest failure. */
    long latest() {
        return times[(next - 1 + times.length) % times.length];
    }
}

package dev.acd.recorder.scoring;

import java.util.function.IntSupplier;

/**
 * How long a QA worker rests after scoring a recording. Scoring can wait; live audio cannot: while the relay carries
 * many calls, a worker that rests in proportion to its work leaves the cores to the calls, and the backlog is scored
 * a little later instead of in a burst that competes with the calls' packets.
 */
@FunctionalInterface
public interface ScoringPace {
    /** Never rests. */
    ScoringPace FLAT_OUT = workedMs -> 0;

    /** Milliseconds to rest after a recording that took {@code workedMs} to analyse and score. */
    long restAfterMs(long workedMs);

    /**
     * Flat out while fewer than {@code busyCalls} calls carry audio, else at most {@code busyShare} of a core per
     * worker: after working {@code t} ms it rests {@code t * (1 - busyShare) / busyShare} ms.
     *
     * @param liveCalls calls carrying audio now (read once per recording)
     * @param busyCalls from how many calls scoring slows down; 0: never
     * @param busyShare the share of a core (above 0, up to 1) each worker may take while busy
     */
    static ScoringPace yieldingToCalls(IntSupplier liveCalls, int busyCalls, double busyShare) {
        if (busyShare <= 0 || busyShare > 1) {
            throw new IllegalArgumentException("busyShare must be above 0 and at most 1, got " + busyShare);
        }
        if (busyCalls < 0) {
            throw new IllegalArgumentException("busyCalls must be 0 (never) or more, got " + busyCalls);
        }
        if (busyCalls == 0 || busyShare == 1) {
            return FLAT_OUT;
        }
        double restPerWorked = (1 - busyShare) / busyShare;
        return workedMs -> liveCalls.getAsInt() >= busyCalls ? Math.round(workedMs * restPerWorked) : 0;
    }
}

package dev.acd.core.stats;

/**
 * Erlang C staffing math for one queue in steady state: Poisson arrivals, exponential handle times, N reps, callers
 * who wait as long as it takes. All times in seconds; rates per second.
 *
 * <p>When there are not more reps than the offered traffic (N &lt;= A) the queue grows without bound: every caller
 * waits ({@link #probabilityOfWaiting} = 1), {@link #averageSpeedOfAnswer} is {@link Double#POSITIVE_INFINITY},
 * {@link #serviceLevel} is 0 and {@link #occupancy} is 1.
 */
public final class ErlangC {
    /** The most reps {@link #repsForServiceLevel} will try before giving up. */
    public static final int MAX_REPS = 1_000_000;

    private ErlangC() {
    }

    /**
     * Offered traffic A in erlangs: arrival rate times average handle time.
     *
     * @param callsPerSecond       arrival rate lambda
     * @param averageHandleSeconds AHT
     */
    public static double trafficIntensity(double callsPerSecond, double averageHandleSeconds) {
        requireNonNegative(callsPerSecond, "callsPerSecond");
        requirePositive(averageHandleSeconds, "averageHandleSeconds");
        return callsPerSecond * averageHandleSeconds;
    }

    /** Erlang B blocking probability B(N, A), by the recursion 1/B(n) = 1 + n / (A B(n-1)), stable for large N. */
    public static double erlangB(int reps, double traffic) {
        requireReps(reps);
        requireNonNegative(traffic, "traffic");
        if (traffic == 0) {
            return reps == 0 ? 1 : 0;
        }
        double inverse = 1; // 1/B(0)
        for (int n = 1; n <= reps; n++) {
            inverse = 1 + inverse * n / traffic;
        }
        return 1 / inverse;
    }

    /**
     * Probability that a caller waits, P_w = C(N, A) = N B / (N - A (1 - B)) with B = B(N, A); 1 when N &lt;= A.
     */
    public static double probabilityOfWaiting(int reps, double traffic) {
        requireReps(reps);
        requireNonNegative(traffic, "traffic");
        if (reps <= traffic) {
            return 1;
        }
        double b = erlangB(reps, traffic);
        return reps * b / (reps - traffic * (1 - b));
    }

    /** Average speed of answer, P_w AHT / (N - A) seconds; {@link Double#POSITIVE_INFINITY} when N &lt;= A. */
    public static double averageSpeedOfAnswer(int reps, double traffic, double averageHandleSeconds) {
        requirePositive(averageHandleSeconds, "averageHandleSeconds");
        if (reps <= traffic) {
            requireReps(reps);
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(reps, traffic) * averageHandleSeconds / (reps - traffic);
    }

    /**
     * Share of callers answered within {@code targetSeconds}: 1 - P_w exp(-(N - A) T / AHT); 0 when N &lt;= A.
     */
    public static double serviceLevel(int reps, double traffic, double averageHandleSeconds, double targetSeconds) {
        requirePositive(averageHandleSeconds, "averageHandleSeconds");
        requireNonNegative(targetSeconds, "targetSeconds");
        if (reps <= traffic) {
            requireReps(reps);
            return 0;
        }
        double pw = probabilityOfWaiting(reps, traffic);
        return 1 - pw * Math.exp(-(reps - traffic) * targetSeconds / averageHandleSeconds);
    }

    /** Rep occupancy A / N, capped at 1 (N &lt;= A keeps every rep busy). */
    public static double occupancy(int reps, double traffic) {
        requireNonNegative(traffic, "traffic");
        if (reps <= 0) {
            throw new IllegalArgumentException("reps must be at least 1, was " + reps);
        }
        return Math.min(1, traffic / reps);
    }

    /**
     * The smallest number of reps whose {@link #serviceLevel} reaches {@code goal}.
     *
     * @param goal the share to reach, above 0 and below 1 (1 is never reached)
     * @throws IllegalArgumentException for a goal outside (0, 1), or if {@link #MAX_REPS} do not reach it
     */
    public static int repsForServiceLevel(double traffic, double averageHandleSeconds, double targetSeconds,
                                          double goal) {
        requireNonNegative(traffic, "traffic");
        requirePositive(averageHandleSeconds, "averageHandleSeconds");
        requireNonNegative(targetSeconds, "targetSeconds");
        if (!(goal > 0 && goal < 1)) {
            throw new IllegalArgumentException("service level goal must be above 0 and below 1, was " + goal);
        }
        // B(N) is built up as N grows, so the search costs O(N) in all.
        double inverseB = 1;
        for (int n = 1; n <= MAX_REPS; n++) {
            inverseB = traffic == 0 ? Double.POSITIVE_INFINITY : 1 + inverseB * n / traffic;
            if (n > traffic) {
                double b = 1 / inverseB;
                double pw = n * b / (n - traffic * (1 - b));
                double sl = 1 - pw * Math.exp(-(n - traffic) * targetSeconds / averageHandleSeconds);
                if (sl >= goal) {
                    return n;
                }
            }
        }
        throw new IllegalArgumentException("no staffing up to " + MAX_REPS + " reps reaches service level " + goal
                + " for " + traffic + " erlangs");
    }

    private static void requireReps(int reps) {
        if (reps < 0) {
            throw new IllegalArgumentException("reps must not be negative, was " + reps);
        }
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, was " + value);
        }
    }
}

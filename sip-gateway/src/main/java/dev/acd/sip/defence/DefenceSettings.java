package dev.acd.sip.defence;

/**
 * Every threshold of the defence, with its unit in its name.
 *
 * @param windowMs                the sliding window failures are counted in (default 60 s)
 * @param maxFailuresPerSource    failed authentications from one address within the window that block it
 *                                (default 10)
 * @param maxFailuresPerUser      failed authentications for one user name (from any address) within the window past
 *                                which every further failing address for that user is blocked at once (default 20)
 * @param blockMs                 how long a block lasts (default 10 min)
 * @param maxTrackedSources       addresses with failures remembered at most; the least recently failing is forgotten
 *                                first (default 10,000)
 * @param maxTrackedUsers         user names with failures remembered at most, likewise (default 10,000)
 * @param maxBlockedSources       blocks held at most; when full the block ending first is lifted (default 10,000)
 */
public record DefenceSettings(long windowMs, int maxFailuresPerSource, int maxFailuresPerUser, long blockMs,
        int maxTrackedSources, int maxTrackedUsers, int maxBlockedSources) {
    public static final long DEFAULT_WINDOW_MS = 60_000;
    public static final int DEFAULT_MAX_FAILURES_PER_SOURCE = 10;
    public static final int DEFAULT_MAX_FAILURES_PER_USER = 20;
    public static final long DEFAULT_BLOCK_MS = 600_000;
    public static final int DEFAULT_MAX_TRACKED_SOURCES = 10_000;
    public static final int DEFAULT_MAX_TRACKED_USERS = 10_000;
    public static final int DEFAULT_MAX_BLOCKED_SOURCES = 10_000;

    public static final DefenceSettings DEFAULTS = new DefenceSettings(DEFAULT_WINDOW_MS,
            DEFAULT_MAX_FAILURES_PER_SOURCE, DEFAULT_MAX_FAILURES_PER_USER, DEFAULT_BLOCK_MS,
            DEFAULT_MAX_TRACKED_SOURCES, DEFAULT_MAX_TRACKED_USERS, DEFAULT_MAX_BLOCKED_SOURCES);

    public DefenceSettings {
        positive("windowMs", windowMs);
        positive("maxFailuresPerSource", maxFailuresPerSource);
        positive("maxFailuresPerUser", maxFailuresPerUser);
        positive("blockMs", blockMs);
        positive("maxTrackedSources", maxTrackedSources);
        positive("maxTrackedUsers", maxTrackedUsers);
        positive("maxBlockedSources", maxBlockedSources);
        if (maxFailuresPerSource > 1_000 || maxFailuresPerUser > 1_000) {
            throw new IllegalArgumentException("defence thresholds above 1000 failures are not supported (each "
                    + "tracked address keeps one timestamp per failure): maxFailuresPerSource="
                    + maxFailuresPerSource + ", maxFailuresPerUser=" + maxFailuresPerUser);
        }
    }

    public DefenceSettings withFailures(int perSource, int perUser) {
        return new DefenceSettings(windowMs, perSource, perUser, blockMs, maxTrackedSources, maxTrackedUsers,
                maxBlockedSources);
    }

    public DefenceSettings withBlockMs(long ms) {
        return new DefenceSettings(windowMs, maxFailuresPerSource, maxFailuresPerUser, ms, maxTrackedSources,
                maxTrackedUsers, maxBlockedSources);
    }

    public DefenceSettings withLimits(int trackedSources, int trackedUsers, int blockedSources) {
        return new DefenceSettings(windowMs, maxFailuresPerSource, maxFailuresPerUser, blockMs, trackedSources,
                trackedUsers, blockedSources);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("defence " + name + " must be positive, got " + value);
        }
    }
}

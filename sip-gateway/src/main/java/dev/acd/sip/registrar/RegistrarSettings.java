package dev.acd.sip.registrar;

/**
 * Registrar settings (RFC 3261 section 10.3).
 *
 * @param minExpiresSeconds     a binding asked for with less (but not 0) gets 423 and Min-Expires (default 60 s)
 * @param maxExpiresSeconds     longer requests are shortened to this (default 3600 s)
 * @param defaultExpiresSeconds used when neither the contact nor an Expires header says (default 3600 s)
 * @param maxContactsPerUser    bindings per user name; a new one past this replaces the one expiring first
 *                              (default 10)
 * @param pingIntervalMs        how often each binding gets an OPTIONS ping; 0 turns pings off (default 30 s)
 * @param pingMaxMisses         consecutive pings without any answer (each a transaction timeout) that remove a
 *                              binding (default 2)
 */
public record RegistrarSettings(int minExpiresSeconds, int maxExpiresSeconds, int defaultExpiresSeconds,
        int maxContactsPerUser, long pingIntervalMs, int pingMaxMisses) {
    public static final int DEFAULT_MIN_EXPIRES_SECONDS = 60;
    public static final int DEFAULT_MAX_EXPIRES_SECONDS = 3600;
    public static final int DEFAULT_DEFAULT_EXPIRES_SECONDS = 3600;
    public static final int DEFAULT_MAX_CONTACTS_PER_USER = 10;
    public static final long DEFAULT_PING_INTERVAL_MS = 30_000;
    public static final int DEFAULT_PING_MAX_MISSES = 2;

    public static final RegistrarSettings DEFAULTS = new RegistrarSettings(DEFAULT_MIN_EXPIRES_SECONDS,
            DEFAULT_MAX_EXPIRES_SECONDS, DEFAULT_DEFAULT_EXPIRES_SECONDS, DEFAULT_MAX_CONTACTS_PER_USER,
            DEFAULT_PING_INTERVAL_MS, DEFAULT_PING_MAX_MISSES);

    public RegistrarSettings {
        if (minExpiresSeconds < 1) {
            throw new IllegalArgumentException("registrar minExpiresSeconds must be at least 1, got "
                    + minExpiresSeconds);
        }
        if (maxExpiresSeconds < minExpiresSeconds) {
            throw new IllegalArgumentException("registrar maxExpiresSeconds (" + maxExpiresSeconds
                    + ") must not be below minExpiresSeconds (" + minExpiresSeconds + ")");
        }
        if (defaultExpiresSeconds < minExpiresSeconds || defaultExpiresSeconds > maxExpiresSeconds) {
            throw new IllegalArgumentException("registrar defaultExpiresSeconds (" + defaultExpiresSeconds
                    + ") must be within minExpiresSeconds-maxExpiresSeconds (" + minExpiresSeconds + "-"
                    + maxExpiresSeconds + ")");
        }
        if (maxContactsPerUser < 1) {
            throw new IllegalArgumentException("registrar maxContactsPerUser must be positive, got "
                    + maxContactsPerUser);
        }
        if (pingIntervalMs < 0) {
            throw new IllegalArgumentException("registrar pingIntervalMs must be 0 (off) or positive, got "
                    + pingIntervalMs);
        }
        if (pingMaxMisses < 1) {
            throw new IllegalArgumentException("registrar pingMaxMisses must be positive, got " + pingMaxMisses);
        }
    }

    public RegistrarSettings withExpires(int minSeconds, int maxSeconds, int defaultSeconds) {
        return new RegistrarSettings(minSeconds, maxSeconds, defaultSeconds, maxContactsPerUser, pingIntervalMs,
                pingMaxMisses);
    }

    public RegistrarSettings withPings(long intervalMs, int maxMisses) {
        return new RegistrarSettings(minExpiresSeconds, maxExpiresSeconds, defaultExpiresSeconds, maxContactsPerUser,
                intervalMs, maxMisses);
    }

    public RegistrarSettings withMaxContactsPerUser(int max) {
        return new RegistrarSettings(minExpiresSeconds, maxExpiresSeconds, defaultExpiresSeconds, max,
                pingIntervalMs, pingMaxMisses);
    }
}

package dev.acd.api;

/**
 * How the API listens and guards logins.
 *
 * @param host                 address to bind, e.g. "0.0.0.0" or "127.0.0.1"
 * @param port                 TCP port; 0 picks a free one (tests)
 * @param sessionTtlMs         how long a session lasts after login, in milliseconds
 * @param maxFailedLogins      failed logins per user name and source address within {@code loginWindowMs} before
 *                             further attempts are refused with 429
 * @param loginWindowMs        the window of the failed-login count, in milliseconds
 * @param recordingsDir        where relative recording paths of {@code RecordingReady} events are resolved
 */
public record ApiSettings(String host, int port, long sessionTtlMs, int maxFailedLogins, long loginWindowMs,
                          java.nio.file.Path recordingsDir) {
    /** Port 8080 on every address, 8-hour sessions, 5 failed logins per 15 minutes. */
    public static ApiSettings defaults() {
        return new ApiSettings("0.0.0.0", 8080, 8 * 3_600_000L, 5, 15 * 60_000L, java.nio.file.Path.of("."));
    }

    public ApiSettings withPort(String host, int port) {
        return new ApiSettings(host, port, sessionTtlMs, maxFailedLogins, loginWindowMs, recordingsDir);
    }

    public ApiSettings withSessionTtl(long ttlMs) {
        return new ApiSettings(host, port, ttlMs, maxFailedLogins, loginWindowMs, recordingsDir);
    }

    public ApiSettings withRecordingsDir(java.nio.file.Path dir) {
        return new ApiSettings(host, port, sessionTtlMs, maxFailedLogins, loginWindowMs, dir);
    }
}

package dev.acd.api.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.acd.core.time.Clock;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one user name from one source address within
 * {@code windowMs}, further attempts for that pair are refused until the oldest failure leaves the window. A success
 * clears the pair. Thread-safe.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final int maxFailures;
    private final long windowMs;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, long windowMs) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMs = windowMs;
    }

    /** Milliseconds until this user may try again from this source; 0 when it may try now. */
    public long blockedForMs(String user, String source) {
        Deque<Long> times = failures.get(key(user, source));
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long now = clock.millis();
            while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
                times.pollFirst();
            }
            return times.size() < maxFailures ? 0 : times.peekFirst() + windowMs - now;
        }
    }

    public void failed(String user, String source) {
        Deque<Long> times = failures.computeIfAbsent(key(user, source), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.millis());
            while (times.size() > maxFailures) {
                times.pollFirst();
            }
        }
    }

    public void succeeded(String user, String source) {
        failures.remove(key(user, source));
    }

    private static String key(String user, String source) {
        return user + "\u0000" + source;
    }
}

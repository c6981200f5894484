package dev.acd.api.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.acd.core.time.Clock;

/**
 * Session tokens: 32 random bytes (URL-safe Base64), each valid for a fixed time from login. Tokens live in memory
 * only, so a restart logs everybody out. Thread-safe.
 */
public final class Sessions {
    private static final int TOKEN_BYTES = 32;

    private record Session(Principal principal, long expiresAt) {
    }

    /** A new session's token and when it expires (ms since the epoch). */
    public record Issued(String token, long expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMs;

    public Sessions(Clock clock, long ttlMs) {
        this.clock = clock;
        this.ttlMs = ttlMs;
    }

    /** Opens a session for {@code principal}. */
    public Issued open(Principal principal) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long expiresAt = clock.millis() + ttlMs;
        sessions.put(token, new Session(principal, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** The principal of a live session; empty for an unknown or expired token (an expired one is forgotten). */
    public Optional<Principal> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = sessions.get(token);
        if (session == null) {
            return Optional.empty();
        }
        if (clock.millis() >= session.expiresAt()) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(session.principal());
    }

    /** Ends a session; unknown tokens are ignored. */
    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** How long sessions last, in milliseconds. */
    public long ttlMs() {
        return ttlMs;
    }
}

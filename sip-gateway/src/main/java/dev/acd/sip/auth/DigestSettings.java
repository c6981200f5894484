package dev.acd.sip.auth;

import dev.acd.core.digest.DigestAlgorithm;
import java.util.List;

/**
 * Digest authentication settings.
 *
 * @param algorithms         the algorithms offered, one challenge each in this order (the preferred first)
 * @param nonceLifetimeMs    how long a nonce is accepted after it was issued; a later use gets a new challenge with
 *                           stale=true (default 5 min)
 * @param maxTrackedNonces   how many used nonces the nonce-count table remembers; older ones are forgotten and get
 *                           stale=true when used again (default 100,000, about 200 bytes each)
 * @param acceptNoQop        accept RFC 2069-style responses without qop; such a nonce is good for one request only
 *                           (default false)
 */
public record DigestSettings(List<DigestAlgorithm> algorithms, long nonceLifetimeMs, int maxTrackedNonces,
        boolean acceptNoQop) {
    public static final long DEFAULT_NONCE_LIFETIME_MS = 300_000;
    public static final int DEFAULT_MAX_TRACKED_NONCES = 100_000;

    /** SHA-256 then MD5, 5-minute nonces, 100,000 tracked nonces, qop required. */
    public static final DigestSettings DEFAULTS = new DigestSettings(
            List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), DEFAULT_NONCE_LIFETIME_MS,
            DEFAULT_MAX_TRACKED_NONCES, false);

    public DigestSettings {
        if (algorithms == null || algorithms.isEmpty()) {
            throw new IllegalArgumentException("digest algorithms: offer at least one of SHA-256 and MD5");
        }
        algorithms = List.copyOf(algorithms);
        if (algorithms.stream().distinct().count() != algorithms.size()) {
            throw new IllegalArgumentException("digest algorithms: listed twice in " + algorithms);
        }
        if (nonceLifetimeMs < 1_000) {
            throw new IllegalArgumentException("digest nonceLifetimeMs must be at least 1000 ms, got " + nonceLifetimeMs);
        }
        if (maxTrackedNonces < 1) {
            throw new IllegalArgumentException("digest maxTrackedNonces must be positive, got " + maxTrackedNonces);
        }
    }

    public DigestSettings withNonceLifetimeMs(long ms) {
        return new DigestSettings(algorithms, ms, maxTrackedNonces, acceptNoQop);
    }

    public DigestSettings withMaxTrackedNonces(int count) {
        return new DigestSettings(algorithms, nonceLifetimeMs, count, acceptNoQop);
    }

    public DigestSettings withAcceptNoQop(boolean accept) {
        return new DigestSettings(algorithms, nonceLifetimeMs, maxTrackedNonces, accept);
    }
}

package dev.acd.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces: the issue time and 8 random bytes, signed with an HMAC-SHA-256 under a secret made when the
 * process starts, so a nonce proves we issued it and when without any table (RFC 7616 section 5.4 suggests a
 * timestamp in the nonce). Nonces from an earlier process fail the check and get a fresh challenge. Thread-safe.
 */
final class Nonces {
    private static final int TIME_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
    /** Base64url without padding of {@link #NONCE_BYTES}. */
    private static final int NONCE_CHARS = 43;
    /** A nonce dated this far ahead of our clock was not issued by us (tolerates a clock step back). */
    private static final long MAX_FUTURE_MS = 5_000;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    Nonces() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
        macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A new nonce issued at {@code nowMs}. */
    String issue(long nowMs) {
        byte[] bytes = new byte[NONCE_BYTES];
        ByteBuffer.wrap(bytes).putLong(nowMs);
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        System.arraycopy(salt, 0, bytes, TIME_BYTES, RANDOM_BYTES);
        System.arraycopy(sign(bytes), 0, bytes, TIME_BYTES + RANDOM_BYTES, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * When a nonce we issued was issued, or -1 when it is not one of ours (bad form, bad signature, another process,
     * dated in the future).
     */
    long issuedAt(String nonce, long nowMs) {
        if (nonce == null || nonce.length() != NONCE_CHARS) {
            return -1;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        byte[] expected = sign(bytes);
        byte[] actual = new byte[MAC_BYTES];
        System.arraycopy(bytes, TIME_BYTES + RANDOM_BYTES, actual, 0, MAC_BYTES);
        if (!MessageDigest.isEqual(expected, actual)) {
            return -1;
        }
        long issuedAt = ByteBuffer.wrap(bytes).getLong();
        return issuedAt > nowMs + MAX_FUTURE_MS ? -1 : issuedAt;
    }

    private byte[] sign(byte[] nonce) {
        Mac mac = macs.get();
        mac.update(nonce, 0, TIME_BYTES + RANDOM_BYTES);
        byte[] full = mac.doFinal();
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return truncated;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}

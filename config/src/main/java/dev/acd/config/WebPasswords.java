package dev.acd.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Web users' password hashes: PBKDF2 with HMAC-SHA-256 (RFC 8018 section 5.2), a random 16-byte salt and a 32-byte
 * derived key, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$KEY} with salt and key in unpadded Base64. The
 * iteration count travels in the hash, so it can be raised later without invalidating stored hashes. Thread-safe.
 */
public final class WebPasswords {
    /** The scheme name at the start of every hash. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Iterations of new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer iterations than this are refused: such a hash is too cheap to guess at. */
    public static final int MIN_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPasswords() {
    }

    /** The parts of a stored hash. */
    private record Parsed(int iterations, byte[] salt, byte[] key) {
    }

    /** A new hash of {@code password} with {@link #DEFAULT_ITERATIONS} and a fresh salt. */
    public static String hash(String password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** A new hash of {@code password} with a fresh salt; tests use few iterations to stay fast. */
    public static String hash(String password, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MIN_ITERATIONS + " iterations, got "
                    + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether {@code password} matches {@code stored}; false for a malformed hash. Compares in constant time. */
    public static boolean verify(String password, String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty() || password == null) {
            return false;
        }
        Parsed p = parsed.get();
        return MessageDigest.isEqual(p.key(), derive(password, p.salt(), p.iterations()));
    }

    /** What is wrong with a stored hash, or empty when it is well formed. The hash itself is never echoed. */
    public static Optional<String> problem(String stored) {
        if (stored == null || !stored.startsWith(SCHEME + "$")) {
            return Optional.of("expected a " + SCHEME + "$ITERATIONS$SALT$KEY hash (make one with "
                    + "`acd hash-password --web USER`), not a plain password");
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4) {
            return Optional.of("expected 4 '$'-separated parts in the " + SCHEME + " hash, got " + parts.length);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.of("the iteration count of the " + SCHEME + " hash is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            return Optional.of("the " + SCHEME + " hash has " + iterations + " iterations; at least "
                    + MIN_ITERATIONS + " are needed");
        }
        try {
            if (Base64.getDecoder().decode(parts[2]).length == 0) {
                return Optional.of("the salt of the " + SCHEME + " hash is empty");
            }
            if (Base64.getDecoder().decode(parts[3]).length != KEY_BITS / 8) {
                return Optional.of("the key of the " + SCHEME + " hash is not " + KEY_BITS / 8 + " bytes");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("the salt or key of the " + SCHEME + " hash is not Base64");
        }
        return Optional.empty();
    }

    /** The {@code users} entry for a web user, as YAML lines; role and rep are left for the admin to fill in. */
    public static String userEntry(String name, String password) {
        return "- name: " + name + "\n"
                + "  role: REP  # or SUPERVISOR, ADMIN; a REP also needs rep: <rep id>\n"
                + "  pbkdf2: " + hash(password) + "\n";
    }

    private static Optional<Parsed> parse(String stored) {
        if (problem(stored).isPresent()) {
            return Optional.empty();
        }
        String[] parts = stored.split("\\$", -1);
        return Optional.of(new Parsed(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]),
                Base64.getDecoder().decode(parts[3])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}

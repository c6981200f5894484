package dev.acd.config;

import java.util.Optional;

/** The digest algorithms softphones may register with (RFC 7616 section 6.1; MD5 as in RFC 2617). */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", 32),
    SHA_256("SHA-256", "SHA-256", 64);

    private final String rfcName;
    private final String javaName;
    private final int hexLength;

    DigestAlgorithm(String rfcName, String javaName, int hexLength) {
        this.rfcName = rfcName;
        this.javaName = javaName;
        this.hexLength = hexLength;
    }

    /** The name in the WWW-Authenticate "algorithm" parameter. */
    public String rfcName() {
        return rfcName;
    }

    /** The {@link java.security.MessageDigest} algorithm name. */
    public String javaName() {
        return javaName;
    }

    /** Length of a hash in lowercase hex digits. */
    public int hexLength() {
        return hexLength;
    }

    /** The algorithm an RFC name (case-insensitive, e.g. "sha-256") stands for. */
    public static Optional<DigestAlgorithm> fromRfcName(String name) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.rfcName.equalsIgnoreCase(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}

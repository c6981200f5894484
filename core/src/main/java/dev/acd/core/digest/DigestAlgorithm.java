package dev.acd.core.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The HTTP digest algorithms softphones authenticate with (RFC 7616 section 6.1; MD5 as in RFC 2617), no "-sess"
 * variants. Shared by the configuration (stored HA1 hashes) and the SIP registrar (challenges and checks).
 */
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

    /** The name in the challenge's and the credentials' {@code algorithm} parameter. */
    public String rfcName() {
        return rfcName;
    }

    /** Length of a hash in lowercase hex digits. */
    public int hexLength() {
        return hexLength;
    }

    /** H(data) in lowercase hex, the text encoded as UTF-8 (RFC 7616 section 3.4). */
    public String hex(String data) {
        try {
            MessageDigest digest = MessageDigest.getInstance(javaName);
            return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + javaName, e);
        }
    }

    /** The algorithm an {@code algorithm} parameter names, case-insensitively; empty for anything else. */
    public static Optional<DigestAlgorithm> fromRfcName(String name) {
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.rfcName.equalsIgnoreCase(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}

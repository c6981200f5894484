package dev.acd.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The digest algorithms we offer and accept (RFC 7616 section 6.1; MD5 as in RFC 2617). No "-sess" variants. */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String rfcName;
    private final String javaName;

    DigestAlgorithm(String rfcName, String javaName) {
        this.rfcName = rfcName;
        this.javaName = javaName;
    }

    /** The name in the challenge's and the credentials' {@code algorithm} parameter. */
    public String rfcName() {
        return rfcName;
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

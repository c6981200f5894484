package dev.acd.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digest hashes for softphone credentials, so the configuration never holds a plain password.
 * HA1 = H(username ":" realm ":" password), lowercase hex, as RFC 7616 section 3.4.2 defines A1 for the non
 * "-sess" algorithms (the same as RFC 2617 for MD5).
 */
public final class DigestHashes {
    private DigestHashes() {
    }

    /** HA1 of a rep's softphone credentials, in lowercase hex. Strings are encoded as UTF-8. */
    public static String ha1(DigestAlgorithm algorithm, String user, String realm, String password) {
        return hex(algorithm, user + ":" + realm + ":" + password);
    }

    /** H(data) in lowercase hex, UTF-8 encoded. */
    public static String hex(DigestAlgorithm algorithm, String data) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.javaName());
            return HexFormat.of().formatHex(digest.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm.javaName(), e);
        }
    }

    /**
     * Prints the credentials entry for a softphone: {@code DigestHashes USER REALM}, then the password is read from
     * the console without echo (or one line of standard input), so it stays out of the shell history.
     */
    /** The {@code credentials.softphones} entry for a user: both hashes, as YAML lines. */
    public static String softphoneEntry(String user, String realm, String password) {
        return "- user: " + user + "\n"
                + "  md5: " + ha1(DigestAlgorithm.MD5, user, realm, password) + "\n"
                + "  sha256: " + ha1(DigestAlgorithm.SHA_256, user, realm, password) + "\n";
    }
}

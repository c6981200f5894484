package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;

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
        return algorithm.hex(user + ":" + realm + ":" + password);
    }

    /** The {@code credentials.softphones} entry for a user: both hashes, as YAML lines. */
    public static String softphoneEntry(String user, String realm, String password) {
        return "- user: " + user + "\n"
                + "  md5: " + ha1(DigestAlgorithm.MD5, user, realm, password) + "\n"
                + "  sha256: " + ha1(DigestAlgorithm.SHA_256, user, realm, password) + "\n";
    }
}

package dev.acd.sip.auth;

import dev.acd.core.digest.DigestAlgorithm;
import java.util.Objects;

/**
 * What the gateway knows about one SIP user name: the rep it belongs to and its HA1 hashes (lowercase hex of
 * H(user ":" realm ":" password)); never a password.
 *
 * @param user      the user name softphones authenticate and register as
 * @param repId     the rep whose softphone it is
 * @param md5Ha1    HA1 for MD5, or null when the user cannot use MD5
 * @param sha256Ha1 HA1 for SHA-256, or null when the user cannot use SHA-256
 */
public record Credential(String user, String repId, String md5Ha1, String sha256Ha1) {
    public Credential {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(repId, "repId");
    }

    /** The HA1 for an algorithm, or null when this user has none for it. */
    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? md5Ha1 : sha256Ha1;
    }
}

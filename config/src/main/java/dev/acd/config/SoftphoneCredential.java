package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
import java.util.Optional;

/**
 * A softphone's registration credentials, as digest hashes only (HA1, lowercase hex).
 *
 * @param user      the SIP user name the softphone registers as (a rep's softphone reach)
 * @param repId     the rep whose softphone it is
 * @param md5Ha1    HA1 for algorithm MD5, or null
 * @param sha256Ha1 HA1 for algorithm SHA-256, or null
 */
public record SoftphoneCredential(String user, String repId, String md5Ha1, String sha256Ha1) {

    /** The HA1 for an algorithm, empty when this softphone has none for it. */
    public Optional<String> ha1(DigestAlgorithm algorithm) {
        return Optional.ofNullable(algorithm == DigestAlgorithm.MD5 ? md5Ha1 : sha256Ha1);
    }
}

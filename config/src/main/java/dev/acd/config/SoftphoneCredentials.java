package dev.acd.config;

import java.util.List;
import java.util.Optional;

/**
 * The digest realm and every softphone's credentials; the registrar challenges with {@code realm}.
 */
public record SoftphoneCredentials(String realm, List<SoftphoneCredential> softphones) {
    public SoftphoneCredentials {
        softphones = List.copyOf(softphones);
    }

    /** The credentials of a SIP user name, empty when it has none (it then cannot register). */
    public Optional<SoftphoneCredential> forUser(String user) {
        return softphones.stream().filter(c -> c.user().equals(user)).findFirst();
    }
}

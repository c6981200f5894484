package dev.acd.sipserver;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.acd.config.SoftphoneCredential;
import dev.acd.config.SoftphoneCredentials;
import dev.acd.sip.auth.Credential;
import dev.acd.sip.auth.CredentialStore;

/**
 * The configuration's softphone credentials as the registrar's {@link CredentialStore}: an immutable map by user
 * name, so lookups from any event loop neither block nor allocate beyond the Optional.
 */
public final class ConfiguredCredentials implements CredentialStore {
    private final String realm;
    private final Map<String, Credential> byUser;

    public ConfiguredCredentials(SoftphoneCredentials credentials) {
        this.realm = credentials.realm();
        this.byUser = credentials.softphones().stream()
                .collect(Collectors.toUnmodifiableMap(SoftphoneCredential::user, ConfiguredCredentials::credential,
                        (first, second) -> first));
    }

    private static Credential credential(SoftphoneCredential c) {
        return new Credential(c.user(), c.repId(), c.md5Ha1(), c.sha256Ha1());
    }

    @Override
    public String realm() {
        return realm;
    }

    @Override
    public Optional<Credential> find(String user) {
        return user == null ? Optional.empty() : Optional.ofNullable(byUser.get(user));
    }

    /** How many user names can register. */
    public int size() {
        return byUser.size();
    }
}

package dev.acd.sip.auth;

import java.util.Optional;

/**
 * Where digest credentials come from; the server adapts the configuration's softphone credentials to it. Must be
 * safe to call from any event loop and must not block (an in-memory lookup).
 */
public interface CredentialStore {
    /** The realm the challenges name; the credentials' HA1 hashes were computed with it. */
    String realm();

    /** The credentials of a user name, empty when the user is unknown. */
    Optional<Credential> find(String user);
}

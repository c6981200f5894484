package dev.acd.sip.auth;

/**
 * What {@link DigestAuthenticator#authenticate} made of a request's credentials.
 *
 * @param status     the verdict
 * @param user       the user name the request claimed (the credentials' username), or null when it had none
 * @param credential the verified user's credential when {@link Status#AUTHENTICATED}, else null
 * @param reason     what was wrong, for logs and the defence's counts; null when authenticated or no credentials
 */
public record AuthOutcome(Status status, String user, Credential credential, String reason) {

    /** The verdicts, each with what the caller answers. */
    public enum Status {
        /** Credentials verified: go on with the request. */
        AUTHENTICATED,
        /** No credentials for our realm: answer with a challenge; not a failure. */
        NO_CREDENTIALS,
        /** Right credentials on an expired or forgotten nonce: challenge again with stale=true; not a failure. */
        STALE,
        /** Wrong credentials (password, user, realm, forged nonce, replayed nonce-count): challenge; a failure. */
        FAILED,
        /** Credentials too broken to check: answer 400 with the reason; counted as a failure. */
        MALFORMED
    }

    static AuthOutcome authenticated(Credential credential) {
        return new AuthOutcome(Status.AUTHENTICATED, credential.user(), credential, null);
    }

    static AuthOutcome noCredentials() {
        return new AuthOutcome(Status.NO_CREDENTIALS, null, null, null);
    }

    static AuthOutcome stale(String user, String reason) {
        return new AuthOutcome(Status.STALE, user, null, reason);
    }

    static AuthOutcome failed(String user, String reason) {
        return new AuthOutcome(Status.FAILED, user, null, reason);
    }

    static AuthOutcome malformed(String user, String reason) {
        return new AuthOutcome(Status.MALFORMED, user, null, reason);
    }

    /** True for the outcomes the defence counts as failed authentication. */
    public boolean isFailure() {
        return status == Status.FAILED || status == Status.MALFORMED;
    }
}

package dev.acd.sip.auth;

/**
 * Who challenges (RFC 3261 section 22.1-22.3): the registrar or a user agent server with 401 and
 * WWW-Authenticate/Authorization, a proxy (our B2BUA towards reps' INVITEs) with 407 and
 * Proxy-Authenticate/Proxy-Authorization.
 */
public enum ChallengeKind {
    WWW(401, "WWW-Authenticate", "Authorization"),
    PROXY(407, "Proxy-Authenticate", "Proxy-Authorization");

    private final int statusCode;
    private final String challengeHeader;
    private final String credentialsHeader;

    ChallengeKind(int statusCode, String challengeHeader, String credentialsHeader) {
        this.statusCode = statusCode;
        this.challengeHeader = challengeHeader;
        this.credentialsHeader = credentialsHeader;
    }

    public int statusCode() {
        return statusCode;
    }

    public String challengeHeader() {
        return challengeHeader;
    }

    public String credentialsHeader() {
        return credentialsHeader;
    }
}

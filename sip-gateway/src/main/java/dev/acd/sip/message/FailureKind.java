package dev.acd.sip.message;

/** Why an incoming message could not be used, and the status code that answers it when it can be answered. */
public enum FailureKind {
    /** Syntax errors, missing mandatory headers, inconsistent headers: 400 Bad Request. */
    MALFORMED(400, "Bad Request"),
    /** Over a {@link SipLimits} size: 513 Message Too Large. */
    TOO_LARGE(513, "Message Too Large");

    private final int statusCode;
    private final String reasonPhrase;

    FailureKind(int statusCode, String reasonPhrase) {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    /** The standard reason phrase of {@link #statusCode()} (RFC 3261 section 21). */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The status code of the response that answers a request failed this way. */
    public int statusCode() {
        return statusCode;
    }
}

package dev.acd.sip.sdp;

/**
 * An SDP we cannot use. {@link #sipStatus()} is the response the INVITE gets: 400 for a malformed body, 488 (Not
 * Acceptable Here) for a well-formed offer we cannot meet, such as one without a common codec; the message is
 * fit for the response's reason or a Warning header.
 */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Bad Request. */
    public static final int MALFORMED = 400;
    /** Not Acceptable Here. */
    public static final int NOT_ACCEPTABLE = 488;

    private final int sipStatus;

    private SdpException(int sipStatus, String message) {
        super(message);
        this.sipStatus = sipStatus;
    }

    static SdpException malformed(int lineNumber, String line, String problem) {
        return new SdpException(MALFORMED, "SDP line " + lineNumber + " '" + line + "': " + problem);
    }

    static SdpException malformed(String problem) {
        return new SdpException(MALFORMED, "SDP: " + problem);
    }

    static SdpException notAcceptable(String problem) {
        return new SdpException(NOT_ACCEPTABLE, problem);
    }

    /** The SIP status code to answer with. */
    public int sipStatus() {
        return sipStatus;
    }
}

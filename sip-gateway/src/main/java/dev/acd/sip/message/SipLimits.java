package dev.acd.sip.message;

/** Size limits applied to every incoming message; past them a request is answered 513 (RFC 3261 section 21.5.14). */
public final class SipLimits {
    /** The largest whole message (start line, headers and body) we accept: the largest UDP payload. */
    public static final int MAX_MESSAGE_BYTES = 65_507;
    /** The largest start line plus header section we accept, including the blank line that ends it. */
    public static final int MAX_HEADER_BYTES = 16_384;
    /** The longest reason phrase we put on a response we generate; the rest of a long explanation is cut. */
    public static final int MAX_REASON_PHRASE_CHARS = 120;

    private SipLimits() {
    }
}

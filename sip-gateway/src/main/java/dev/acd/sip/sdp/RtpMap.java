package dev.acd.sip.sdp;

/** One {@code a=rtpmap} attribute: payload type to encoding name and clock rate (RFC 4566 section 6). */
public record RtpMap(int payloadType, String encodingName, int clockRateHz) {
    /** The attribute value as written after {@code a=rtpmap:}. */
    public String value() {
        return payloadType + " " + encodingName + "/" + clockRateHz;
    }
}

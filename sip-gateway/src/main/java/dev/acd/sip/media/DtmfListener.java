package dev.acd.sip.media;

/** Told of each DTMF digit a leg sent (RFC 4733), once per key press. */
@FunctionalInterface
public interface DtmfListener {
    /** Called on the endpoint's event loop. */
    void onDigit(RtpEndpoint from, char digit, int durationMs);
}

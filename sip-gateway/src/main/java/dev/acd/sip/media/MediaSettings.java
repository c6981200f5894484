package dev.acd.sip.media;

/**
 * Media settings, each with its unit in the name.
 *
 * @param rtpPortFirst the lowest RTP port (even)
 * @param rtpPortLast the highest port of the range
 * @param noMediaTimeoutMs how long an active leg may receive nothing before it is reported as one-way audio;
 *                         0 turns the check off
 */
public record MediaSettings(int rtpPortFirst, int rtpPortLast, long noMediaTimeoutMs) {
    /** Samples in one frame: 20 ms at 8 kHz. */
    public static final int FRAME_SAMPLES = 160;
    /** Packetisation time, milliseconds. */
    public static final int PTIME_MS = 20;
    /** The RTP range when none is configured. */
    public static final int DEFAULT_RTP_PORT_FIRST = 20000;
    public static final int DEFAULT_RTP_PORT_LAST = 29999;
    public static final long DEFAULT_NO_MEDIA_TIMEOUT_MS = 10_000;

    public MediaSettings {
        if (noMediaTimeoutMs < 0) {
            throw new IllegalArgumentException("noMediaTimeoutMs " + noMediaTimeoutMs + " must be 0 (off) or more");
        }
        new RtpPortPool(rtpPortFirst, rtpPortLast); // validates the range with its precise message
    }

    /** The defaults: ports 20000-29999, one-way audio after 10 s. */
    public static MediaSettings defaults() {
        return new MediaSettings(DEFAULT_RTP_PORT_FIRST, DEFAULT_RTP_PORT_LAST, DEFAULT_NO_MEDIA_TIMEOUT_MS);
    }
}

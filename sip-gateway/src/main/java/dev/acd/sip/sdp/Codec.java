package dev.acd.sip.sdp;

/** The audio codecs we speak: G.711 at 8 kHz with their static RTP payload types (RFC 3551 section 6). */
public enum Codec {
    /** G.711 u-law. */
    PCMU(0),
    /** G.711 A-law. */
    PCMA(8);

    /** The RTP clock rate of both codecs, in Hz. */
    public static final int CLOCK_RATE_HZ = 8000;

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    /** The static RTP payload type; a peer may also map the codec to a dynamic type with rtpmap. */
    public int staticPayloadType() {
        return payloadType;
    }

    /** The codec with this encoding name (as in rtpmap, case-insensitive), or null. */
    public static Codec byName(String encodingName) {
        for (Codec codec : values()) {
            if (codec.name().equalsIgnoreCase(encodingName)) {
                return codec;
            }
        }
        return null;
    }

    /** The codec a static payload type stands for, or null. */
    public static Codec byStaticPayloadType(int payloadType) {
        for (Codec codec : values()) {
            if (codec.payloadType == payloadType) {
                return codec;
            }
        }
        return null;
    }
}

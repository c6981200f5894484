package dev.acd.sip.sdp;

/** An SDP media direction attribute (RFC 3264 section 5.1), always from the point of view of its writer. */
public enum MediaDirection {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    MediaDirection(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** True when the writer of this SDP will send media. */
    public boolean sends() {
        return sends;
    }

    /** True when the writer of this SDP wants to receive media. */
    public boolean receives() {
        return receives;
    }

    /** The attribute name as written in SDP ({@code a=sendrecv}). */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The same stream seen from the other end: what one sends the other receives. */
    public MediaDirection reversed() {
        return of(receives, sends);
    }

    /** Only what both allow. */
    public MediaDirection intersect(MediaDirection other) {
        return of(sends && other.sends, receives && other.receives);
    }

    /** The direction with the given capabilities. */
    public static MediaDirection of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction an attribute name stands for, or null when it is no direction attribute. */
    public static MediaDirection byAttribute(String name) {
        for (MediaDirection d : values()) {
            if (d.attribute().equals(name)) {
                return d;
            }
        }
        return null;
    }
}

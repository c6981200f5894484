package dev.acd.sip.media;

import io.netty.buffer.ByteBuf;

/** The RFC 4733 section 2.3 telephone-event payload: event, end bit, volume, duration; and DTMF digit names. */
public final class TelephoneEvent {
    /** A telephone-event payload's size in bytes. */
    public static final int PAYLOAD_BYTES = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    private TelephoneEvent() {
    }

    /** The DTMF digit an event code stands for (RFC 4733 section 3.2), or 0 for other events. */
    public static char digit(int event) {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }

    /** The event code of a DTMF digit. */
    public static int event(char digit) {
        int e = DIGITS.indexOf(Character.toUpperCase(digit));
        if (e < 0) {
            throw new IllegalArgumentException("'" + digit + "' is not a DTMF digit (0-9, *, #, A-D)");
        }
        return e;
    }

    /** Writes a payload at the writer index. */
    public static void write(ByteBuf out, int event, boolean end, int volumeDbm0, int durationSamples) {
        out.writeByte(event);
        out.writeByte((end ? 0x80 : 0) | (volumeDbm0 & 0x3F));
        out.writeShort(durationSamples);
    }
}

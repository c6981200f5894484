package dev.acd.sip.media;

import io.netty.buffer.ByteBuf;

/**
 * Turns one source's telephone-event packets (RFC 4733) into digits, each reported once: an event is one RTP
 * timestamp, its end is sent three times (section 2.5.1.4), so a digit is reported on the first end packet of its
 * timestamp and the repeats are ignored. A digit whose end packets were all lost is not reported. One per source;
 * runs on the endpoint's loop.
 */
public final class DtmfDecoder {
    private long eventTimestamp = -1;
    private boolean reported;
    private int durationSamples;

    /**
     * Reads one telephone-event payload; returns the digit when this packet ends an event not yet reported, else 0.
     */
    public char onPacket(long rtpTimestamp, ByteBuf payload, int index, int length) {
        if (length < TelephoneEvent.PAYLOAD_BYTES) {
            return 0;
        }
        int event = payload.getUnsignedByte(index);
        boolean end = (payload.getUnsignedByte(index + 1) & 0x80) != 0;
        int duration = payload.getUnsignedShort(index + 2);
        if (rtpTimestamp != eventTimestamp) {
            eventTimestamp = rtpTimestamp;
            reported = false;
        }
        durationSamples = duration;
        if (!end || reported) {
            return 0;
        }
        char digit = TelephoneEvent.digit(event);
        if (digit == 0) {
            return 0;
        }
        reported = true;
        return digit;
    }

    /** The duration of the last event seen, in milliseconds (8 kHz clock). */
    public int lastDurationMs() {
        return durationSamples / 8;
    }
}

package dev.acd.sip.media;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the RTP fixed header (RFC 3550 section 5.1) in place on a {@link ByteBuf}, so the hot path makes
 * no packet objects. Offsets are relative to the buffer's reader index; nothing moves the indexes.
 */
public final class RtpPacket {
    /** The fixed header's size in bytes. */
    public static final int HEADER_BYTES = 12;
    /** The RTP version we speak. */
    public static final int VERSION = 2;
    /** RTCP packet types 200-204 share the RTP port under rtcp-mux; their second byte reads as these "payload types". */
    private static final int RTCP_FIRST = 72;
    private static final int RTCP_LAST = 76;

    private RtpPacket() {
    }

    /**
     * True when the readable bytes are one RTP packet we can use: version 2, not RTCP, the header with its CSRC
     * list and extension and the padding all inside the packet.
     */
    public static boolean isValid(ByteBuf b) {
        int len = b.readableBytes();
        if (len < HEADER_BYTES) {
            return false;
        }
        int first = b.getUnsignedByte(b.readerIndex());
        if (first >> 6 != VERSION) {
            return false;
        }
        int pt = payloadType(b);
        if (pt >= RTCP_FIRST && pt <= RTCP_LAST) {
            return false;
        }
        int offset = headerLength(b);
        if (offset < 0 || offset > len) {
            return false;
        }
        return payloadLength(b) >= 0;
    }

    /** The payload type (7 bits). */
    public static int payloadType(ByteBuf b) {
        return b.getUnsignedByte(b.readerIndex() + 1) & 0x7F;
    }

    /** The marker bit. */
    public static boolean marker(ByteBuf b) {
        return (b.getUnsignedByte(b.readerIndex() + 1) & 0x80) != 0;
    }

    /** The sequence number, 0 to 65535. */
    public static int sequence(ByteBuf b) {
        return b.getUnsignedShort(b.readerIndex() + 2);
    }

    /** The timestamp as an unsigned 32-bit value. */
    public static long timestamp(ByteBuf b) {
        return b.getUnsignedInt(b.readerIndex() + 4);
    }

    /** The synchronisation source as an unsigned 32-bit value. */
    public static long ssrc(ByteBuf b) {
        return b.getUnsignedInt(b.readerIndex() + 8);
    }

    /** Where the payload starts, counted from the reader index; -1 when the extension header is cut off. */
    public static int headerLength(ByteBuf b) {
        int start = b.readerIndex();
        int first = b.getUnsignedByte(start);
        int offset = HEADER_BYTES + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (offset + 4 > b.readableBytes()) {
                return -1;
            }
            offset += 4 + 4 * b.getUnsignedShort(start + offset + 2);
        }
        return offset;
    }

    /** The payload's length in bytes, without padding; negative when the header or padding overruns the packet. */
    public static int payloadLength(ByteBuf b) {
        int offset = headerLength(b);
        if (offset < 0) {
            return -1;
        }
        int len = b.readableBytes();
        int padding = 0;
        if ((b.getUnsignedByte(b.readerIndex()) & 0x20) != 0 && len > offset) {
            padding = b.getUnsignedByte(b.readerIndex() + len - 1);
        }
        return len - offset - padding;
    }

    /** Writes a 12-byte header (no CSRC, no extension, no padding) at the writer index. */
    public static void writeHeader(ByteBuf out, boolean marker, int payloadType, int sequence, long timestamp,
            long ssrc) {
        out.writeByte(VERSION << 6);
        out.writeByte((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt((int) ssrc);
    }
}

package dev.acd.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
    @Test
    void shouldReadBackEveryHeaderFieldWhenWrittenAndParsed() {
        ByteBuf b = Unpooled.buffer();
        RtpPacket.writeHeader(b, true, 101, 65535, 0xFFFFFFF0L, 0xDEADBEEFL);
        b.writeBytes(new byte[] {1, 2, 3});

        assertTrue(RtpPacket.isValid(b));
        assertTrue(RtpPacket.marker(b));
        assertEquals(101, RtpPacket.payloadType(b));
        assertEquals(65535, RtpPacket.sequence(b));
        assertEquals(0xFFFFFFF0L, RtpPacket.timestamp(b));
        assertEquals(0xDEADBEEFL, RtpPacket.ssrc(b));
        assertEquals(12, RtpPacket.headerLength(b));
        assertEquals(3, RtpPacket.payloadLength(b));
        assertEquals(0x80, b.getUnsignedByte(0), "version 2, no padding, extension or CSRC");
    }

    @Test
    void shouldSkipCsrcsExtensionAndPaddingWhenFindingThePayload() {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x80 | 0x20 | 0x10 | 2); // padding, extension, two CSRCs
        b.writeByte(0);
        b.writeShort(1).writeInt(2).writeInt(3);
        b.writeInt(11).writeInt(12); // CSRCs
        b.writeShort(0xBEDE).writeShort(1).writeInt(0); // one-word extension
        b.writeBytes(new byte[] {9, 9, 9, 9, 9});
        b.writeBytes(new byte[] {0, 0, 3}); // three bytes of padding

        assertTrue(RtpPacket.isValid(b));
        assertEquals(12 + 8 + 8, RtpPacket.headerLength(b));
        assertEquals(5, RtpPacket.payloadLength(b));
    }

    @Test
    void shouldRefuseShortPacketsOtherVersionsAndRtcp() {
        assertFalse(RtpPacket.isValid(Unpooled.wrappedBuffer(new byte[11])));
        ByteBuf v1 = Unpooled.buffer();
        RtpPacket.writeHeader(v1, false, 0, 1, 1, 1);
        v1.setByte(0, 0x40);
        assertFalse(RtpPacket.isValid(v1));
        ByteBuf rtcp = Unpooled.buffer();
        RtpPacket.writeHeader(rtcp, true, 72, 1, 1, 1); // 0xC8: an RTCP sender report under rtcp-mux
        assertFalse(RtpPacket.isValid(rtcp));
        ByteBuf badPadding = Unpooled.buffer();
        RtpPacket.writeHeader(badPadding, false, 0, 1, 1, 1);
        badPadding.setByte(0, 0xA0);
        badPadding.writeByte(50);
        assertFalse(RtpPacket.isValid(badPadding));
    }
}

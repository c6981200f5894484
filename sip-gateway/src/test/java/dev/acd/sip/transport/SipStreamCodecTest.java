package dev.acd.sip.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipMessageParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SipStreamCodecTest {
    /** Files a stream cannot frame on their own: the decoder rightly waits for bytes that never come. */
    static final Set<String> NEEDS_MORE_BYTES_ON_A_STREAM = Set.of(
            "answered-400-content-length-longer-than-body.sip", "dropped-truncated-in-from.sip",
            "dropped-binary-junk.bin");

    private final Recording listener = new Recording();
    private final TransportCounters counters = new TransportCounters();
    private final EmbeddedChannel channel = tcp(new SipMessageParser());

    private EmbeddedChannel tcp(SipMessageParser parser) {
        return new EmbeddedChannel(new TcpChannelInitializer(parser, new SipInboundHandler(listener, counters),
                60_000));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private String readOutboundText() {
        ByteBuf out = channel.readOutbound();
        if (out == null) {
            return null;
        }
        String text = out.toString(StandardCharsets.UTF_8);
        out.release();
        return text;
    }

    @Test
    void shouldFrameTwoMessagesWhenTheyArriveInOneRead() {
        String first = SipFixtures.invite("z9hG4bK1", "s-1", 1);
        String second = SipFixtures.request("BYE", "z9hG4bK2", "s-1", 2);

        channel.writeInbound(bytes(first + second));

        assertEquals(2, listener.messages.size());
        assertEquals("INVITE", listener.messages.get(0).message().method());
        assertEquals(SipFixtures.parse(first).raw().getRawContent().length,
                listener.messages.get(0).message().raw().getRawContent().length);
        assertEquals("BYE", listener.messages.get(1).message().method());
    }

    @Test
    void shouldFrameAMessageWhenItArrivesOneByteAtATime() {
        byte[] invite = SipFixtures.invite("z9hG4bK3", "s-2", 1).getBytes(StandardCharsets.UTF_8);

        for (byte b : invite) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertEquals(1, listener.messages.size());
        assertEquals("s-2", listener.messages.get(0).message().callId());
    }

    @Test
    void shouldFrameEveryMessageWhenPingsAndMessagesTrickleInOneByteAtATime() {
        String stream = "\r\n\r\n" + SipFixtures.invite("z9hG4bKt1", "t-1", 1) + "\r\n"
                + SipFixtures.request("BYE", "z9hG4bKt2", "t-1", 2);

        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        assertEquals("\r\n", readOutboundText());
        assertEquals(2, listener.messages.size());
        assertEquals("BYE", listener.messages.get(1).message().method());
        assertEquals(0, counters.dropped());
    }

    @Test
    void shouldAnswerPongWhenAKeepAlivePingArrivesBetweenMessages() {
        channel.writeInbound(bytes("\r\n\r\n" + SipFixtures.request("OPTIONS", "z9hG4bK4", "s-3", 1)));

        assertEquals("\r\n", readOutboundText());
        assertEquals(1, listener.messages.size());
    }

    @Test
    void shouldWriteExactlyTheEncodedMessageWhenSendingOnAConnection() {
        SipMessage options = SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bK5", "s-4", 1));

        channel.writeOutbound(new OutgoingMessage(options, null));

        ByteBuf out = channel.readOutbound();
        assertArrayEquals(options.encode(), ByteBufUtil.getBytes(out));
        out.release();
    }

    @Test
    void shouldKeepTheRequestsViaWhenAResponseIsWrittenOnAConnection() {
        SipMessage udpRequest = SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bKv", "s-via", 1));

        channel.writeOutbound(new OutgoingMessage(dev.acd.sip.message.SipResponses.create(udpRequest, 200, null), null));

        String text = readOutboundText();
        assertTrue(text.contains("\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKv\r\n"), text);
    }

    @Test
    void shouldAnswer513AndSkipTheBodyWhenContentLengthExceedsTheLimit() {
        EmbeddedChannel small = tcp(new SipMessageParser(1_000, 800));
        String big = SipFixtures.request("MESSAGE", "z9hG4bK6", "s-5", 1).replace("Content-Length: 0",
                "Content-Length: 2000") + "x".repeat(2000);

        small.writeInbound(bytes(big + SipFixtures.request("OPTIONS", "z9hG4bK7", "s-6", 1)));

        ByteBuf answer = small.readOutbound();
        String text = answer.toString(StandardCharsets.UTF_8);
        answer.release();
        assertTrue(text.startsWith("SIP/2.0 513 Message Too Large: message of "), text);
        assertEquals(1, listener.messages.size());
        assertEquals("s-6", listener.messages.get(0).message().callId());
    }

    @Test
    void shouldAnswer513AndResynchroniseWhenTheHeaderSectionIsTooLong() {
        EmbeddedChannel small = tcp(new SipMessageParser(4_000, 600));
        String huge = SipFixtures.request("OPTIONS", "z9hG4bK8", "s-7", 1)
                .replace("Content-Length: 0", "Subject: " + "y".repeat(3_000) + "\r\nContent-Length: 0");

        small.writeInbound(bytes(huge + SipFixtures.request("OPTIONS", "z9hG4bK9", "s-8", 1)));

        ByteBuf answer = small.readOutbound();
        String text = answer.toString(StandardCharsets.UTF_8);
        answer.release();
        assertTrue(text.startsWith("SIP/2.0 513 Message Too Large: header section exceeds 600 bytes"), text);
        assertEquals(1, listener.messages.size());
        assertEquals("s-8", listener.messages.get(0).message().callId());
    }

    @Test
    void shouldDropJunkAndRecoverWhenBinaryBytesPrecedeMessages() {
        EmbeddedChannel small = tcp(new SipMessageParser(4_000, 600));
        byte[] junk = new byte[1_000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 73 + 41);
        }
        small.writeInbound(Unpooled.wrappedBuffer(junk));
        small.writeInbound(bytes(SipFixtures.request("OPTIONS", "z9hG4bKa", "s-9", 1)));
        small.writeInbound(bytes(SipFixtures.request("OPTIONS", "z9hG4bKb", "s-10", 1)));

        assertTrue(small.isActive());
        assertEquals("s-10", listener.messages.get(listener.messages.size() - 1).message().callId());
        assertTrue(counters.dropped() >= 1);
    }

    @Test
    void shouldAnswerOrDropEachFramedMalformedMessageAndStayUsable() {
        for (Path file : SipFixtures.malformedCorpus()) {
            if (NEEDS_MORE_BYTES_ON_A_STREAM.contains(file.getFileName().toString())) {
                continue;
            }
            int expected = SipFixtures.expectedStatus(file);
            channel.writeInbound(Unpooled.wrappedBuffer(SipFixtures.read(file)));

            String answer = readOutboundText();
            if (expected == 0) {
                assertNull(answer, file::toString);
            } else {
                assertTrue(answer != null && answer.startsWith("SIP/2.0 " + expected + " "), file + " got " + answer);
            }
            channel.writeInbound(bytes(SipFixtures.request("OPTIONS", "z9hG4bKok", "ok", 1)));
            assertEquals(1, listener.messages.size(), () -> "connection out of step after " + file);
            listener.messages.clear();
        }
        assertTrue(channel.isActive());
    }

    @Test
    void shouldCloseTheConnectionWhenItStaysIdle() throws Exception {
        EmbeddedChannel idle = new EmbeddedChannel(new TcpChannelInitializer(new SipMessageParser(),
                new SipInboundHandler(listener, counters), 30_000));

        // The channel's own clock moves, not the wall clock: just short of the timeout the connection stays.
        idle.freezeTime();
        idle.advanceTimeBy(29_900, TimeUnit.MILLISECONDS);
        idle.runScheduledPendingTasks();
        assertTrue(idle.isActive(), "still inside the 30 s idle timeout");
        idle.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        idle.runScheduledPendingTasks();

        assertFalse(idle.isActive());
    }
}

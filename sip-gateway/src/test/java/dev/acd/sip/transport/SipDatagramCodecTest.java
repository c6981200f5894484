package dev.acd.sip.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipMessageParser;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SipDatagramCodecTest {
    private static final InetSocketAddress PHONE = new InetSocketAddress("127.0.0.7", 40000);
    private static final InetSocketAddress US = new InetSocketAddress("127.0.0.1", 5060);

    private final Recording listener = new Recording();
    private final TransportCounters counters = new TransportCounters();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new UdpChannelInitializer(new SipMessageParser(), new SipInboundHandler(listener, counters)));

    private static DatagramPacket datagram(byte[] bytes) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), US, PHONE);
    }

    private static DatagramPacket datagram(String text) {
        return datagram(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldDeliverARequestWithReceivedAndRportFilledWhenADatagramArrives() {
        channel.writeInbound(datagram(SipFixtures.invite("z9hG4bKu1", "u-1", 1)));

        assertEquals(1, listener.messages.size());
        IncomingMessage in = listener.messages.get(0);
        assertEquals(SipTransport.UDP, in.transport());
        assertEquals(PHONE, in.remote());
        String via = in.message().raw().getTopmostVia().encode();
        assertTrue(via.contains("rport=40000"), via);
        assertTrue(via.contains("received=127.0.0.7"), via);
        assertEquals("192.0.2.10:5060", in.message().sentBy());
    }

    @Test
    void shouldKeepEachMessagesOwnBodyWhenALongerDatagramIsFollowedByAShorterOne() {
        String first = SipFixtures.invite("z9hG4bKb1", "b-1", 1);
        String second = SipFixtures.request("OPTIONS", "z9hG4bKb2", "b-2", 2);

        channel.writeInbound(datagram(first));
        channel.writeInbound(datagram(second));

        assertEquals(2, listener.messages.size());
        SipMessage invite = listener.messages.get(0).message();
        SipMessage options = listener.messages.get(1).message();
        assertEquals("b-2", options.callId());
        assertEquals(first.substring(first.indexOf("\r\n\r\n") + 4),
                new String(invite.raw().getRawContent(), StandardCharsets.UTF_8));
        assertNull(options.raw().getRawContent());
    }

    @Test
    void shouldWriteExactlyTheEncodedMessageWhenSendingADatagram() {
        SipMessage options = SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bKo", "o-1", 2));

        channel.writeOutbound(new OutgoingMessage(options, PHONE));

        DatagramPacket out = channel.readOutbound();
        assertEquals(PHONE, out.recipient());
        assertArrayEquals(options.encode(), ByteBufUtil.getBytes(out.content()));
        out.release();
    }

    @Test
    void shouldIgnoreAKeepAliveWhenADatagramHoldsOnlyLineBreaks() {
        channel.writeInbound(datagram("\r\n\r\n"));

        assertTrue(listener.messages.isEmpty());
        assertNull(channel.readOutbound());
        assertEquals(0, counters.dropped());
    }

    @Test
    void shouldAnswerOrDropEachMalformedDatagramAndStayUsable() {
        for (Path file : SipFixtures.malformedCorpus()) {
            int expected = SipFixtures.expectedStatus(file);
            channel.writeInbound(datagram(SipFixtures.read(file)));

            DatagramPacket answer = channel.readOutbound();
            if (expected == 0) {
                assertNull(answer, file::toString);
            } else {
                String text = answer.content().toString(StandardCharsets.UTF_8);
                answer.release();
                assertTrue(text.startsWith("SIP/2.0 " + expected + " "), file + " got " + text);
                assertEquals(PHONE, answer.recipient());
            }
            channel.writeInbound(datagram(SipFixtures.request("OPTIONS", "z9hG4bKok", "ok", 1)));
            assertEquals(1, listener.messages.size(), () -> "channel unusable after " + file);
            listener.messages.clear();
        }
        assertTrue(channel.isActive());
        long answered = SipFixtures.malformedCorpus().stream().filter(f -> SipFixtures.expectedStatus(f) != 0).count();
        assertEquals(answered, counters.answeredMalformed());
        assertEquals(SipFixtures.malformedCorpus().size() - answered, counters.dropped());
    }

    @Test
    void shouldKeepTheChannelWhenTheListenerThrows() {
        EmbeddedChannel failing = new EmbeddedChannel(new UdpChannelInitializer(new SipMessageParser(),
                new SipInboundHandler(m -> {
                    throw new IllegalStateException("listener bug");
                }, counters)));

        failing.writeInbound(datagram(SipFixtures.request("OPTIONS", "z9hG4bKe", "e", 1)));
        failing.writeInbound(datagram(SipFixtures.request("OPTIONS", "z9hG4bKf", "f", 1)));

        assertTrue(failing.isActive());
        assertEquals(2, counters.errors());
        failing.checkException();
    }
}

package dev.acd.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpNegotiatorTest {
    private static final InetAddress US = InetAddress.getLoopbackAddress();

    private static String offer(String connection, String mLine, String... attributes) {
        StringBuilder b = new StringBuilder("v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\n"
                + "c=IN IP4 " + connection + "\r\nt=0 0\r\n" + mLine + "\r\n");
        for (String a : attributes) {
            b.append("a=").append(a).append("\r\n");
        }
        return b.toString();
    }

    private static Negotiation answer(String offerText, List<Codec> preference) throws SdpException {
        return new SdpNegotiator(US, preference, 7).answer(SdpParser.parse(offerText), 40000,
                MediaDirection.SENDRECV);
    }

    @Test
    void shouldPickOurPreferredCodecWhenOfferHasBoth() throws SdpException {
        Negotiation n = answer(offer("192.0.2.10", "m=audio 49170 RTP/AVP 0 8 101", "rtpmap:101 telephone-event/8000",
                "fmtp:101 0-16"), List.of(Codec.PCMA, Codec.PCMU));

        assertEquals(Codec.PCMA, n.codec());
        assertEquals(8, n.codecPayloadType());
        assertEquals(101, n.telephoneEventPayloadType());
        assertEquals(new InetSocketAddress("192.0.2.10", 49170), n.remote());
        assertEquals(MediaDirection.SENDRECV, n.localDirection());
        assertFalse(n.heldByPeer());
        MediaDescription m = n.local().media().get(0);
        assertEquals(40000, m.port());
        assertEquals(List.of(8, 101), m.formats());
        assertEquals(20, m.ptimeMs());
        String text = n.local().encode();
        assertTrue(text.contains("c=IN IP4 127.0.0.1\r\n"), text);
        assertTrue(text.contains("a=rtpmap:101 telephone-event/8000\r\n"), text);
    }

    @Test
    void shouldUseTheOfferersDynamicPayloadTypesWhenTheyMapOurCodecs() throws SdpException {
        Negotiation n = answer(offer("192.0.2.10", "m=audio 49170 RTP/AVP 96 97", "rtpmap:96 PCMU/8000",
                "rtpmap:97 telephone-event/8000"), List.of(Codec.PCMU));

        assertEquals(Codec.PCMU, n.codec());
        assertEquals(96, n.codecPayloadType());
        assertEquals(97, n.telephoneEventPayloadType());
    }

    @Test
    void shouldRefuseWith488NamingBothSidesWhenNoCodecIsCommon() {
        SdpException e = assertThrows(SdpException.class, () -> answer(
                offer("192.0.2.10", "m=audio 49170 RTP/AVP 9 18", "rtpmap:9 G722/8000", "rtpmap:18 G729/8000"),
                List.of(Codec.PCMU, Codec.PCMA)));

        assertEquals(488, e.sipStatus());
        assertTrue(e.getMessage().contains("G722/8000, G729/8000"), e.getMessage());
        assertTrue(e.getMessage().contains("[PCMU, PCMA]"), e.getMessage());
    }

    @Test
    void shouldRefuseWith488WhenOurOnlyCodecIsMissing() {
        SdpException e = assertThrows(SdpException.class,
                () -> answer(offer("192.0.2.10", "m=audio 49170 RTP/AVP 0"), List.of(Codec.PCMA)));
        assertEquals(488, e.sipStatus());
    }

    @Test
    void shouldAnswerRecvonlyAndReportHoldWhenOfferIsSendonly() throws SdpException {
        Negotiation n = answer(offer("192.0.2.10", "m=audio 49170 RTP/AVP 0", "sendonly"), List.of(Codec.PCMU));

        assertEquals(MediaDirection.RECVONLY, n.localDirection());
        assertTrue(n.heldByPeer());
        assertTrue(n.local().encode().contains("a=recvonly\r\n"));
    }

    @Test
    void shouldAnswerInactiveAndReportHoldWhenOfferIsInactive() throws SdpException {
        Negotiation n = answer(offer("192.0.2.10", "m=audio 49170 RTP/AVP 0", "inactive"), List.of(Codec.PCMU));

        assertEquals(MediaDirection.INACTIVE, n.localDirection());
        assertTrue(n.heldByPeer());
    }

    @Test
    void shouldAnswerSendonlyWhenOfferIsRecvonly() throws SdpException {
        Negotiation n = answer(offer("192.0.2.10", "m=audio 49170 RTP/AVP 0", "recvonly"), List.of(Codec.PCMU));

        assertEquals(MediaDirection.SENDONLY, n.localDirection());
        assertFalse(n.heldByPeer());
    }

    @Test
    void shouldTreatZeroAddressAsHoldAndSendNothingWhenOfferUsesOldStyleHold() throws SdpException {
        Negotiation n = answer(offer("0.0.0.0", "m=audio 49170 RTP/AVP 0"), List.of(Codec.PCMU));

        assertTrue(n.heldByPeer());
        assertNull(n.remote());
        assertEquals(MediaDirection.RECVONLY, n.localDirection());
    }

    @Test
    void shouldTakeSessionLevelDirectionWhenMediaHasNone() throws SdpException {
        String text = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\na=sendonly\r\n"
                + "m=audio 49170 RTP/AVP 0\r\n";
        assertTrue(answer(text, List.of(Codec.PCMU)).heldByPeer());
    }

    @Test
    void shouldRejectVideoWithPortZeroAndKeepTheLineCountWhenOfferHasAudioAndVideo() throws SdpException {
        String text = offer("192.0.2.10", "m=video 51372 RTP/AVP 31") + "m=audio 49170 RTP/AVP 8\r\n";
        Negotiation n = answer(text, List.of(Codec.PCMU, Codec.PCMA));

        assertEquals(2, n.local().media().size());
        assertEquals(0, n.local().media().get(0).port());
        assertEquals("video", n.local().media().get(0).media());
        assertEquals(40000, n.local().media().get(1).port());
        assertEquals(Codec.PCMA, n.codec());
    }

    @Test
    void shouldRefuseSrtpOnlyOfferWith488() {
        SdpException e = assertThrows(SdpException.class,
                () -> answer(offer("192.0.2.10", "m=audio 49170 RTP/SAVP 0"), List.of(Codec.PCMU)));
        assertEquals(488, e.sipStatus());
    }

    @Test
    void shouldRaiseTheOriginVersionWithEverySdpWeWrite() throws SdpException {
        SdpNegotiator negotiator = new SdpNegotiator(US, List.of(Codec.PCMU), 42);
        SessionDescription first = negotiator.offer(40000, MediaDirection.SENDRECV);
        SessionDescription second = negotiator.offer(40000, MediaDirection.SENDONLY);

        assertEquals("42", first.sessionId());
        assertEquals(first.sessionVersion() + 1, second.sessionVersion());
    }

    @Test
    void shouldNegotiateBothWaysWhenOurOfferIsAnsweredByAPeer() throws SdpException {
        SdpNegotiator us = new SdpNegotiator(US, List.of(Codec.PCMU, Codec.PCMA), 1);
        SessionDescription ourOffer = us.offer(40000, MediaDirection.SENDRECV);
        SdpNegotiator peer = new SdpNegotiator(InetAddress.getLoopbackAddress(), List.of(Codec.PCMA), 2);

        Negotiation theirs = peer.answer(SdpParser.parse(ourOffer.encode()), 50000, MediaDirection.SENDRECV);
        Negotiation ours = us.acceptAnswer(ourOffer, SdpParser.parse(theirs.local().encode()));

        assertEquals(Codec.PCMA, theirs.codec());
        assertEquals(Codec.PCMA, ours.codec());
        assertEquals(101, ours.telephoneEventPayloadType());
        assertEquals(new InetSocketAddress("127.0.0.1", 50000), ours.remote());
        assertEquals(new InetSocketAddress("127.0.0.1", 40000), theirs.remote());
    }

    @Test
    void shouldRefuseAnAnswerThatRejectedOurAudio() {
        SdpNegotiator us = new SdpNegotiator(US, List.of(Codec.PCMU), 1);
        SessionDescription ourOffer = us.offer(40000, MediaDirection.SENDRECV);
        SdpException e = assertThrows(SdpException.class, () -> us.acceptAnswer(ourOffer,
                SdpParser.parse(offer("192.0.2.10", "m=audio 0 RTP/AVP 0"))));
        assertEquals(488, e.sipStatus());
    }
}

package dev.acd.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SipMessageParserTest {
    private final SipMessageParser parser = new SipMessageParser();

    @Test
    void shouldReadTheRoutingHeadersOnceWhenAnInviteParses() {
        SipMessage m = parser.parse(SipFixtures.invite("z9hG4bKabc", "call-1@host", 7).getBytes(StandardCharsets.UTF_8));

        assertFalse(m.isFailed(), m::toString);
        assertTrue(m.isRequest());
        assertEquals("INVITE", m.method());
        assertEquals("call-1@host", m.callId());
        assertEquals(7, m.cseqNumber());
        assertEquals("INVITE", m.cseqMethod());
        assertEquals("z9hG4bKabc", m.branch());
        assertTrue(m.hasRfc3261Branch());
        assertEquals("192.0.2.10:5060", m.sentBy());
        assertTrue(m.rportRequested());
        assertEquals("fa1", m.fromTag());
        assertNull(m.toTag());
        assertEquals(70, m.maxForwards());
        assertEquals(m.raw().getRawContent().length, m.contentLength());
    }

    @Test
    void shouldReadStatusAndToTagWhenAResponseParses() {
        String text = "SIP/2.0 180 Ringing\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKr1\r\n"
                + "From: <sip:alice@example.com>;tag=fa1\r\n"
                + "To: <sip:sales@acd.example>;tag=tb2\r\n"
                + "Call-ID: c2\r\nCSeq: 3 INVITE\r\nContent-Length: 0\r\n\r\n";
        SipMessage m = parser.parse(text.getBytes(StandardCharsets.UTF_8));

        assertFalse(m.isFailed(), m::toString);
        assertTrue(m.isResponse());
        assertEquals(180, m.statusCode());
        assertEquals("tb2", m.toTag());
        assertEquals(-1, m.maxForwards());
    }

    @Test
    void shouldRoundTripByteForByteWhenEncodingAParsedMessage() {
        SipMessage m = SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bKrt", "rt-1", 1));
        SipMessage again = parser.parse(m.encode());

        assertEquals(new String(m.encode(), StandardCharsets.UTF_8),
                new String(again.encode(), StandardCharsets.UTF_8));
        assertEquals("rt-1", again.callId());
    }

    @Test
    void shouldReadOnlyTheFirstLengthBytesAndKeepNoneOfThemWhenGivenALargerArray() {
        byte[] text = SipFixtures.invite("z9hG4bKlen", "len-1", 4).getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[text.length + 100];
        System.arraycopy(text, 0, buffer, 0, text.length);
        java.util.Arrays.fill(buffer, text.length, buffer.length, (byte) 'X');

        SipMessage m = parser.parse(buffer, text.length);
        java.util.Arrays.fill(buffer, (byte) 'Y');

        assertFalse(m.isFailed(), m::toString);
        assertEquals("len-1", m.callId());
        String body = new String(m.raw().getRawContent(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("v=0\r\n") && body.endsWith("RTP/AVP 0\r\n"), body);
    }

    @Test
    void shouldNameTheBadStartLineWhenOnlyPartOfALargerArrayIsTheMessage() {
        byte[] text = "INVITE nonsense\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] buffer = java.util.Arrays.copyOf(text, 4096);

        SipMessage m = parser.parse(buffer, text.length);

        assertTrue(m.isFailed());
        assertEquals(FailureKind.MALFORMED, m.failure());
        assertTrue(m.failureReason().contains("start line"), m.failureReason());
    }

    @Test
    void shouldNameTheBadHeaderWhenAHeaderDoesNotParse() {
        String text = SipFixtures.request("OPTIONS", "z9hG4bKx", "c", 1).replace("Max-Forwards: 70", "Max-Forwards: lots");
        SipMessage m = parser.parse(text.getBytes(StandardCharsets.UTF_8));

        assertTrue(m.isFailed());
        assertEquals(FailureKind.MALFORMED, m.failure());
        assertTrue(m.failureReason().contains("Max-Forwards"), m.failureReason());
        assertTrue(m.canBeAnswered());
    }

    @Test
    void shouldMarkTooLargeWhenTheMessageExceedsTheLimit() {
        SipMessageParser small = new SipMessageParser(200, 200);
        SipMessage m = small.parse(SipFixtures.invite("z9hG4bKbig", "c", 1).getBytes(StandardCharsets.UTF_8));

        assertEquals(FailureKind.TOO_LARGE, m.failure());
        assertTrue(m.failureReason().contains("200 bytes"), m.failureReason());
    }

    @Test
    void shouldAnswerWithTheReasonAndATagWhenAFailedRequestCanBeAnswered() {
        String text = SipFixtures.request("OPTIONS", "z9hG4bKx", "c-9", 1).replace("Max-Forwards: 70\r\n", "");
        SipMessage failed = parser.parse(text.getBytes(StandardCharsets.UTF_8));

        SipMessage answer = SipResponses.answerFailure(failed);

        assertEquals(400, answer.statusCode());
        String wire = new String(answer.encode(), StandardCharsets.UTF_8);
        assertTrue(wire.startsWith("SIP/2.0 400 Bad Request: missing Max-Forwards header\r\n"), wire);
        assertEquals("c-9", answer.callId());
        assertNotNull(answer.toTag());
    }

    static Stream<Path> corpus() {
        return SipFixtures.malformedCorpus().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void shouldFailWithAReasonAndBeAnsweredOnlyWhenAnswerableWhenInputIsMalformed(Path file) {
        SipMessage m = parser.parse(SipFixtures.read(file));

        assertTrue(m.isFailed(), () -> file + " parsed: " + m);
        assertNotNull(m.failureReason());
        int expected = SipFixtures.expectedStatus(file);
        assertEquals(expected != 0, m.canBeAnswered(), () -> file + ": " + m);
        if (expected != 0) {
            assertEquals(expected, SipResponses.answerFailure(m).statusCode());
        }
    }
}

package dev.acd.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {
    private static final String OFFER = "v=0\n"
            + "o=- 3344 3345 IN IP4 198.51.100.7\n"
            + "s=call\n"
            + "c=IN IP4 198.51.100.7\n"
            + "b=AS:64\n"
            + "t=0 0\n"
            + "m=audio 16384 RTP/AVP 8 0 101\n"
            + "a=rtpmap:8 PCMA/8000\n"
            + "a=rtpmap:101 telephone-event/8000\n"
            + "a=fmtp:101 0-15\n"
            + "a=ptime:30\n"
            + "a=rtcp-mux\n"
            + "a=sendrecv\n";

    @Test
    void shouldReadTheFieldsOfferAnswerNeedsWhenLinesEndInLf() throws SdpException {
        SessionDescription sdp = SdpParser.parse(OFFER);

        assertEquals("3344", sdp.sessionId());
        assertEquals(3345, sdp.sessionVersion());
        assertEquals("198.51.100.7", sdp.connectionAddress());
        MediaDescription m = sdp.media().get(0);
        assertEquals(16384, m.port());
        assertEquals(List.of(8, 0, 101), m.formats());
        assertEquals("PCMA", m.encodingName(8));
        assertEquals("PCMU", m.encodingName(0));
        assertEquals("telephone-event", m.encodingName(101));
        assertEquals("0-15", m.fmtps().get(101));
        assertEquals(30, m.ptimeMs());
        assertEquals(MediaDirection.SENDRECV, m.direction());
    }

    @Test
    void shouldReadBackWhatItWroteWhenEncodedAndParsedAgain() throws SdpException {
        SessionDescription sdp = SdpParser.parse(OFFER);
        assertEquals(sdp.media(), SdpParser.parse(sdp.encode()).media());
    }

    @Test
    void shouldNameTheLineWhenThePortIsNotANumber() {
        SdpException e = assertThrows(SdpException.class,
                () -> SdpParser.parse(OFFER.replace("16384", "x16384")));
        assertEquals(400, e.sipStatus());
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        assertTrue(e.getMessage().contains("port 'x16384'"), e.getMessage());
    }

    @Test
    void shouldRefuseABodyThatDoesNotStartWithVersion() {
        SdpException e = assertThrows(SdpException.class, () -> SdpParser.parse("o=- 1 1 IN IP4 1.2.3.4\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void shouldRefuseMediaWithoutAnyConnectionAddress() {
        SdpException e = assertThrows(SdpException.class,
                () -> SdpParser.parse(OFFER.replace("c=IN IP4 198.51.100.7\n", "")));
        assertTrue(e.getMessage().contains("no 'c=' line"), e.getMessage());
    }

    @Test
    void shouldRefuseAMalformedRtpmap() {
        SdpException e = assertThrows(SdpException.class,
                () -> SdpParser.parse(OFFER.replace("a=rtpmap:8 PCMA/8000", "a=rtpmap:8 PCMA")));
        assertTrue(e.getMessage().contains("line 8"), e.getMessage());
    }
}

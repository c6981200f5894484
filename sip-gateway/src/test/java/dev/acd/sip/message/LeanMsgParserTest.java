package dev.acd.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our parser must give exactly what JAIN-SIP RI's own gives, for good input and bad, header by header. */
class LeanMsgParserTest {
    private static final String REGISTER = "REGISTER sip:larkspur.example SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.168.1.23:5062;branch=z9hG4bKnashds7;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:ava.chen@larkspur.example>;tag=a73kszlfl\r\n"
            + "To: <sip:ava.chen@larkspur.example>\r\n"
            + "Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23\r\n"
            + "CSeq: 2 REGISTER\r\n"
            + "Contact: <sip:ava.chen@192.168.1.23:5062;transport=udp>;expires=3600\r\n"
            + "Authorization: Digest username=\"ava.chen\", realm=\"larkspur.example\", "
            + "nonce=\"5f2a1c0e9d8b7a6f5e4d3c2b1a0f9e8d\", uri=\"sip:larkspur.example\", "
            + "response=\"6629fae49393a05397450978507c4ef1\", algorithm=SHA-256, cnonce=\"0a4f113b\", qop=auth, "
            + "nc=00000001\r\n"
            + "Expires: 3600\r\n"
            + "User-Agent: baresip\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    /** Header lines swapped into a request in place of its own line of the same kind. */
    static Stream<String[]> variants() {
        return Stream.of(
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "i: abc@def"},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "CALL-ID :  spaced@host  "},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "Call-ID: no-host"},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "Call-ID: two words@host"},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "Call-ID: a@b@c"},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "Call-ID: @"},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "Call-ID:"},
                new String[] {"Call-ID: 1j9FpLxk3uxtm8tn@192.168.1.23", "Call-ID: x@y\r\nCall-ID: z@w"},
                new String[] {"CSeq: 2 REGISTER", "cseq:\t2\tREGISTER "},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2 register"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2 INVITE"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2 FOO"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: -2 REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 4294967296 REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2147483648 REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 99999999999999999999 REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2 REGISTER extra"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2\r\n REGISTER"},
                new String[] {"CSeq: 2 REGISTER", "CSeq: 2\r\n\tREGISTER  \r\n  "},
                new String[] {"User-Agent: baresip", "User-Agent: baresip\r\n  1.0 (linux)"},
                new String[] {"User-Agent: baresip", "user-agent  :  baresip \t"},
                new String[] {"User-Agent: baresip", "X-Unknown: whatever"},
                new String[] {"User-Agent: baresip", "NoColonHere"},
                new String[] {"User-Agent: baresip", "Contact:"},
                new String[] {"User-Agent: baresip", "Via:"},
                new String[] {"User-Agent: baresip", "Via: garbage;;;"},
                new String[] {"User-Agent: baresip", "From: <sip:x@y>;tag=1"},
                new String[] {"User-Agent: baresip", "Subject: caf\u00e9 \u2615"},
                new String[] {"User-Agent: baresip", "m: <sip:compact@host>"},
                new String[] {"User-Agent: baresip", "v: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKc"},
                new String[] {"Max-Forwards: 70", "Max-Forwards: 0070"},
                new String[] {"Max-Forwards: 70", "max-forwards:70"},
                new String[] {"Max-Forwards: 70", "Max-Forwards: 256"},
                new String[] {"Max-Forwards: 70", "Max-Forwards: 7O"},
                new String[] {"Max-Forwards: 70", "Max-Forwards: "},
                new String[] {"Max-Forwards: 70", "Max-Forwards: 70\r\nMax-Forwards: 69"},
                new String[] {"Max-Forwards: 70", "Max-Forwards: 1234567890"},
                new String[] {"User-Agent: baresip", "Authorization: Digest username = \"a\" ,realm=\"r\",nonce=\"n\", uri=\"sip:x\", response=\"0a\""},
                new String[] {"User-Agent: baresip", "authorization:\tdigest username=\"a\", opaque=\"\", nc=00000001"},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a\\\"b\", realm=\"r\""},
                new String[] {"User-Agent: baresip", "Authorization: Digest"},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a\","},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a\", stale"},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a"},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a\" realm=\"r\""},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a\", username=\"b\""},
                new String[] {"User-Agent: baresip", "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"caf\u00e9\", realm=\"r\""},
                new String[] {"User-Agent: baresip", "Authorization: Digest username=\"a\"\r\n , realm=\"r\""},
                new String[] {"User-Agent: baresip", "Authorization: Digest nc=0001\"x\""},
                new String[] {"Expires: 3600", "Expires: 0"},
                new String[] {"Expires: 3600", "Expires: -1"},
                new String[] {"Expires: 3600", "Expires: soon"},
                new String[] {"Expires: 3600", "Expires: 4294967296"},
                new String[] {"Expires: 3600", "Expires: Thu, 01 Dec 2094 16:00:00 GMT"},
                new String[] {"Content-Length: 0", "l: 0"},
                new String[] {"Content-Length: 0", "Content-Length: 00"},
                new String[] {"Content-Length: 0", "Content-Length: -0"},
                new String[] {"Content-Length: 0", "Content-Length: 1 2"},
                new String[] {"Content-Length: 0", "Content-Length: 0\r\nContent-Length: 0"},
                new String[] {"Content-Length: 0", "Content-Length: 12345678901"});
    }

    /** Every header name the RI has a parser for, each with a few values of the shapes SIP headers take. */
    @SuppressWarnings("unchecked")
    static Stream<String[]> everyKnownHeader() throws ReflectiveOperationException {
        java.lang.reflect.Field field = gov.nist.javax.sip.parser.ParserFactory.class.getDeclaredField("parserTable");
        field.setAccessible(true);
        List<String> names = new ArrayList<>(((java.util.Map<String, ?>) field.get(null)).keySet());
        List<String> values = List.of("x", "1", "<sip:a@b.example>;tag=1", "text/plain;charset=utf-8",
                "Digest realm=\"r\", nonce=\"n\"", "SIP/2.0/TCP h.example;branch=z9hG4bK1", "a, b;q=0.5");
        return names.stream().sorted().flatMap(n -> values.stream().map(v -> new String[] {"User-Agent: baresip",
                n + ": " + v}));
    }

    static Stream<byte[]> messages() throws ReflectiveOperationException {
        Stream<String> texts = Stream.of(REGISTER, SipFixtures.invite("z9hG4bKa", "inv@host", 31),
                SipFixtures.request("BYE", "z9hG4bKb", "bye@host", 2), SipFixtures.request("ACK", "z9hG4bKc", "c", 1),
                "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKr1;received=192.0.2.1\r\n"
                        + "From: <sip:alice@example.com>;tag=fa1\r\nTo: <sip:sales@acd.example>;tag=tb2\r\n"
                        + "i: c2\r\nCSeq: 3 INVITE\r\nl: 0\r\n\r\n",
                "\r\n\r\n" + REGISTER,
                REGISTER.replace("\r\n", "\n"),
                REGISTER.replace("SIP/2.0\r\n", "SIP/2.0   \r\n"),
                REGISTER.substring(0, REGISTER.indexOf("User-Agent")),
                REGISTER.substring(0, REGISTER.indexOf("User-Agent") + 10),
                REGISTER.replace("Content-Length: 0\r\n\r\n", "Content-Length: 5\r\n\r\nhello"),
                REGISTER.replace("Content-Length: 0\r\n\r\n", "Content-Length: 9\r\n\r\nhello"),
                REGISTER.replace("Content-Length: 0\r\n\r\n", "Content-Length: 2\r\n\r\nhello"),
                REGISTER.replace("\r\n\r\n", "\r\n \r\n"),
                " " + REGISTER,
                "\r\n",
                "garbage");
        Stream<String> swapped = Stream.concat(variants(), everyKnownHeader()).map(v -> REGISTER.replace(v[0], v[1]));
        return Stream.concat(
                Stream.concat(texts, swapped).map(t -> t.getBytes(StandardCharsets.UTF_8)),
                SipFixtures.malformedCorpus().stream().map(SipFixtures::read));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void shouldGiveWhatTheRiParserGivesWhenParsingAnyMessage(byte[] bytes) {
        Outcome ri = Outcome.of(new StringMsgParser(), bytes);
        Outcome lean = Outcome.of(new LeanMsgParser(), bytes);

        assertEquals(ri.toString(), lean.toString());
    }

    @ParameterizedTest
    @MethodSource("messages")
    void shouldGiveEqualHeaderObjectsWhenAMessageParses(byte[] bytes) throws ParseException {
        Outcome ri = Outcome.of(new StringMsgParser(), bytes);
        if (ri.message == null) {
            return;
        }
        Outcome lean = Outcome.of(new LeanMsgParser(), bytes);
        List<String> names = new ArrayList<>();
        ri.message.getHeaderNames().forEachRemaining(n -> names.add((String) n));
        for (String name : names) {
            assertEquals(ri.message.getHeader(name), lean.message.getHeader(name), name);
            assertTrue(lean.message.getHeader(name).getClass() == ri.message.getHeader(name).getClass(), name);
        }
    }

    /** What a parser made of the bytes: the message as it encodes, or what it threw, and each header it reported. */
    private static final class Outcome implements ParseExceptionListener {
        private final List<String> reported = new ArrayList<>();
        private SIPMessage message;
        private String thrown;

        static Outcome of(StringMsgParser parser, byte[] bytes) {
            Outcome outcome = new Outcome();
            try {
                outcome.message = parser.parseSIPMessage(bytes, true, false, outcome);
            } catch (ParseException | RuntimeException e) {
                outcome.thrown = e.getClass().getName();
            }
            return outcome;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void handleException(ParseException ex, SIPMessage m, Class headerClass, String headerText,
                String messageText) {
            reported.add((headerClass == null ? "-" : headerClass.getSimpleName()) + " " + headerText);
        }

        @Override
        public String toString() {
            return (message == null ? "no message" : message.encode()) + "\nthrew " + thrown + "\nreported "
                    + reported;
        }
    }
}

package dev.acd.sip.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Well-formed sample messages and the corpus of malformed ones under src/test/resources/malformed. */
public final class SipFixtures {
    private SipFixtures() {
    }

    public static String invite(String branch, String callId, long cseq) {
        String body = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";
        return "INVITE sip:sales@acd.example SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: \"Alice\" <sip:alice@example.com>;tag=fa1\r\n"
                + "To: <sip:sales@acd.example>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:alice@192.0.2.10:5060>\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    public static String request(String method, String branch, String callId, long cseq) {
        return method + " sip:sales@acd.example SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=fa1\r\n"
                + "To: <sip:sales@acd.example>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    public static SipMessage parse(String text) {
        SipMessage m = new SipMessageParser().parse(text.getBytes(StandardCharsets.UTF_8));
        if (m.isFailed()) {
            throw new AssertionError("fixture did not parse: " + m);
        }
        return m;
    }

    /** The malformed corpus: each file's name starts with what must happen to it (answered-400, dropped, ...). */
    public static List<Path> malformedCorpus() {
        URL dir = SipFixtures.class.getResource("/malformed");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code the file's name promises, or 0 for a message that must be dropped. */
    public static int expectedStatus(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("answered-") ? Integer.parseInt(name.substring(9, 12)) : 0;
    }
}

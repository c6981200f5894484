package dev.acd.perf;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipMessageParser;
import dev.acd.sip.transport.IncomingMessage;
import dev.acd.sip.transport.SipDatagramDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SIP message layer cost per message: parsing the bytes of a typical trunk INVITE (SDP body, two Vias, a
 * Record-Route), its 200 OK, and a softphone's authenticated REGISTER into our {@link SipMessage} (JAIN-SIP RI's
 * parser plus the header values we route on, read once), and encoding each back to bytes.
 *
 * <p>{@code decodeRegisterDatagram} is the whole UDP receive path of one REGISTER in Netty's
 * {@link EmbeddedChannel}: the datagram's bytes copied out of its buffer, parsed, wrapped as an
 * {@link IncomingMessage}.
 *
 * <p>Correctness check at set-up: every sample parses without failure and re-parses from its own encoding to the
 * same Call-ID and CSeq; a broken sample fails the run instead of measuring a fast failure path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SipCodecBenchmark {
    private static final String SDP = "v=0\r\n"
            + "o=carrier 2890844526 2890844526 IN IP4 198.51.100.20\r\n"
            + "s=-\r\n"
            + "c=IN IP4 198.51.100.20\r\n"
            + "t=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0 8 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n"
            + "a=ptime:20\r\n"
            + "a=sendrecv\r\n";

    static final String INVITE = "INVITE sip:+12125550100@acd.larkspur.example SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK776asdhds;rport\r\n"
            + "Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK4b43c2ff8.1;received=198.51.100.20\r\n"
            + "Max-Forwards: 69\r\n"
            + "Record-Route: <sip:198.51.100.10;lr>\r\n"
            + "From: \"ACME Corp\" <sip:+16175550199@carrier.example>;tag=1928301774\r\n"
            + "To: <sip:+12125550100@acd.larkspur.example>\r\n"
            + "Call-ID: a84b4c76e66710@pc33.carrier.example\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:+16175550199@198.51.100.20:5060>\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n"
            + "Supported: timer, replaces\r\n"
            + "User-Agent: CarrierSBC/4.2\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"
            + "\r\n" + SDP;

    static final String OK = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK776asdhds;rport=5060;received=198.51.100.10\r\n"
            + "Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK4b43c2ff8.1;received=198.51.100.20\r\n"
            + "Record-Route: <sip:198.51.100.10;lr>\r\n"
            + "From: \"ACME Corp\" <sip:+16175550199@carrier.example>;tag=1928301774\r\n"
            + "To: <sip:+12125550100@acd.larkspur.example>;tag=a6c85cf\r\n"
            + "Call-ID: a84b4c76e66710@pc33.carrier.example\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:acd@203.0.113.5:5060>\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"
            + "\r\n" + SDP;

    static final String REGISTER = "REGISTER sip:larkspur.example SIP/2.0\r\n"
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
            + "User-Agent: baresip\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    private static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.23", 5062);
    private static final InetSocketAddress US = new InetSocketAddress("192.0.2.5", 5060);

    private final SipMessageParser parser = new SipMessageParser();
    private final EmbeddedChannel udp = new EmbeddedChannel(new SipDatagramDecoder(parser));
    private byte[] invite;
    private byte[] ok;
    private byte[] register;
    private SipMessage parsedInvite;
    private SipMessage parsedOk;
    private SipMessage parsedRegister;

    @Setup
    public void prepare() {
        invite = INVITE.getBytes(StandardCharsets.UTF_8);
        ok = OK.getBytes(StandardCharsets.UTF_8);
        register = REGISTER.getBytes(StandardCharsets.UTF_8);
        parsedInvite = checked(invite);
        parsedOk = checked(ok);
        parsedRegister = checked(register);
        IncomingMessage decoded = decodeRegisterDatagram();
        if (decoded == null || decoded.message().isFailed() || !decoded.message().callId().equals(parsedRegister.callId())) {
            throw new IllegalStateException("the REGISTER datagram does not decode: " + decoded);
        }
    }

    private SipMessage checked(byte[] bytes) {
        SipMessage message = parser.parse(bytes);
        if (message.isFailed()) {
            throw new IllegalStateException("sample does not parse: " + message.failureReason());
        }
        SipMessage again = parser.parse(message.encode());
        if (again.isFailed() || !again.callId().equals(message.callId())
                || again.cseqNumber() != message.cseqNumber()) {
            throw new IllegalStateException("sample does not survive encode and parse: " + message);
        }
        return message;
    }

    @Benchmark
    public SipMessage parseInvite() {
        return parser.parse(invite);
    }

    @Benchmark
    public SipMessage parseOk() {
        return parser.parse(ok);
    }

    @Benchmark
    public SipMessage parseRegister() {
        return parser.parse(register);
    }

    @Benchmark
    public IncomingMessage decodeRegisterDatagram() {
        udp.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(register), US, PHONE));
        return udp.readInbound();
    }

    @Benchmark
    public byte[] encodeInvite() {
        return parsedInvite.encode();
    }

    @Benchmark
    public byte[] encodeOk() {
        return parsedOk.encode();
    }

    @Benchmark
    public byte[] encodeRegister() {
        return parsedRegister.encode();
    }
}

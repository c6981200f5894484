package dev.acd.perf;

import dev.acd.perf.sip.VirtualTimeScheduler;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipMessageParser;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.MessageSender;
import dev.acd.sip.transaction.RequestContext;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transaction layer throughput (RFC 3261 section 17) on an in-memory channel: pre-parsed messages go through
 * {@link TransactionLayer} and its four state machines, responses and retransmissions go to a counting sender, so
 * neither the codec nor the socket is in the measurement. One operation is one whole transaction:
 *
 * <ul>
 *   <li>{@code inviteServer}: INVITE in, 100 Trying out (the layer's own), the core answers 200, the 2xx ACK in
 *       (a stray ACK, handed to the core);</li>
 *   <li>{@code nonInviteServer}: REGISTER in, 200 out, then COMPLETED until Timer J;</li>
 *   <li>{@code inviteClient}: INVITE out, 100 and 200 in;</li>
 *   <li>{@code nonInviteClient}: OPTIONS out, 200 in, then COMPLETED until Timer K.</li>
 * </ul>
 *
 * <p>Timers run on a virtual clock that moves {@link #STEP_MICROS} per operation, so on UDP every transaction stays
 * in the layer's tables for its real Timer J (32 s) or K (5 s) and about {@code POOL / 2} transactions wait there
 * at any time; on TCP those timers are zero. Each operation uses the next of {@link #POOL} distinct requests
 * (own branch and Call-ID). After each iteration the counts of messages sent, stray ACKs and final responses seen
 * are checked against the operations done; a transaction path that silently stopped would fail the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SipTransactionLayerBenchmark {
    /** Distinct requests cycled through; a request is reused only after its transaction has gone. */
    static final int POOL = 8192;
    /** Virtual time per operation: Timer J (64*T1 = 32 s) fires about POOL / 2 operations after it starts. */
    static final long STEP_MICROS = 64 * TimerSettings.DEFAULT_T1_MS * 1_000 / (POOL / 2);

    @Param({"UDP", "TCP"})
    public SipTransport transport;

    private final SipMessageParser parser = new SipMessageParser();
    private final InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 5062);
    private VirtualTimeScheduler scheduler;
    private TransactionLayer layer;
    private final Counts counts = new Counts();
    private final MessageSender sender = message -> counts.sent++;
    private SipMessage[] invites;
    private SipMessage[] inviteOks;
    private SipMessage[] acks;
    private SipMessage[] registers;
    private SipMessage[] registerOks;
    private SipMessage[] outInvites;
    private SipMessage[] outTrying;
    private SipMessage[] outInviteOks;
    private SipMessage[] options;
    private SipMessage[] optionsOks;
    private int next;
    private long operations;
    private long sentAtStart;

    /** Counters the checks read; one thread. */
    private static final class Counts {
        long sent;
        long strayAcks;
        long finals;
        long timeouts;
    }

    @Setup
    public void prepare() {
        scheduler = new VirtualTimeScheduler();
        layer = new TransactionLayer(TimerSettings.DEFAULTS, scheduler, new AnsweringCore());
        invites = new SipMessage[POOL];
        inviteOks = new SipMessage[POOL];
        acks = new SipMessage[POOL];
        registers = new SipMessage[POOL];
        registerOks = new SipMessage[POOL];
        outInvites = new SipMessage[POOL];
        outTrying = new SipMessage[POOL];
        outInviteOks = new SipMessage[POOL];
        options = new SipMessage[POOL];
        optionsOks = new SipMessage[POOL];
        String via = transport.name();
        for (int i = 0; i < POOL; i++) {
            invites[i] = parse(invite("INVITE", via, "z9hG4bKin" + i, "in-" + i, ""));
            inviteOks[i] = SipResponses.create(invites[i], 200, null);
            String toTag = inviteOks[i].toTag();
            acks[i] = parse(ack(via, "z9hG4bKack" + i, "in-" + i, toTag));
            registers[i] = parse(register(via, "z9hG4bKreg" + i, "reg-" + i));
            registerOks[i] = SipResponses.create(registers[i], 200, null);
            outInvites[i] = parse(invite("INVITE", via, "z9hG4bKout" + i, "out-" + i, ""));
            outTrying[i] = SipResponses.create(outInvites[i], 100, null);
            outInviteOks[i] = SipResponses.create(outInvites[i], 200, null);
            options[i] = parse(invite("OPTIONS", via, "z9hG4bKopt" + i, "opt-" + i, ""));
            optionsOks[i] = SipResponses.create(options[i], 200, null);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        operations = 0;
        sentAtStart = counts.sent;
        counts.strayAcks = 0;
        counts.finals = 0;
    }

    /** Fails the run when the transactions did not do what one operation promises. */
    @TearDown(Level.Iteration)
    public void check() {
        long sent = counts.sent - sentAtStart;
        if (counts.timeouts > 0) {
            throw new IllegalStateException(counts.timeouts + " client transactions timed out");
        }
        if (counts.strayAcks > 0 && counts.strayAcks != operations) {
            throw new IllegalStateException("stray ACKs " + counts.strayAcks + " for " + operations + " INVITEs");
        }
        if (counts.finals > 0 && counts.finals != operations) {
            throw new IllegalStateException("final responses " + counts.finals + " for " + operations + " requests");
        }
        if (sent < operations) {
            throw new IllegalStateException("sent " + sent + " messages in " + operations + " transactions");
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) % POOL;
        operations++;
        scheduler.advanceMicros(STEP_MICROS);
        return i;
    }

    @Benchmark
    public int inviteServer() {
        int i = nextIndex();
        layer.receiveRequest(invites[i], transport, remote, sender);
        layer.receiveRequest(acks[i], transport, remote, sender);
        return i;
    }

    @Benchmark
    public int nonInviteServer() {
        int i = nextIndex();
        layer.receiveRequest(registers[i], transport, remote, sender);
        return i;
    }

    @Benchmark
    public int inviteClient() {
        int i = nextIndex();
        layer.sendRequest(outInvites[i], transport.reliable(), sender, clientUser);
        layer.receiveResponse(outTrying[i]);
        layer.receiveResponse(outInviteOks[i]);
        return i;
    }

    @Benchmark
    public int nonInviteClient() {
        int i = nextIndex();
        layer.sendRequest(options[i], transport.reliable(), sender, clientUser);
        layer.receiveResponse(optionsOks[i]);
        return i;
    }

    private final ClientTransactionUser clientUser = new ClientTransactionUser() {
        @Override
        public void onResponse(ClientTransaction transaction, SipMessage response) {
            if (response.statusCode() >= 200) {
                counts.finals++;
            }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            counts.timeouts++;
        }
    };

    /** The transaction user: answers each new request with its prepared 200, counts stray ACKs. */
    private final class AnsweringCore implements TransactionLayer.Core {
        @Override
        public void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context) {
            int i = (next + POOL - 1) % POOL;
            transaction.respond("INVITE".equals(request.method()) ? inviteOks[i] : registerOks[i]);
        }

        @Override
        public void onStrayAck(SipMessage ack, RequestContext context) {
            counts.strayAcks++;
        }

        @Override
        public void onStrayResponse(SipMessage response, TransactionLayer layer) {
            throw new IllegalStateException("a response matched no client transaction: " + response);
        }
    }

    private SipMessage parse(String text) {
        SipMessage message = parser.parse(text.getBytes(StandardCharsets.UTF_8));
        if (message.isFailed()) {
            throw new IllegalStateException("benchmark message does not parse: " + message.failureReason());
        }
        return message;
    }

    private static String invite(String method, String transport, String branch, String callId, String body) {
        return method + " sip:rep-1@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5062;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@127.0.0.1:5062>;tag=f-" + callId + "\r\n"
                + "To: <sip:rep-1@127.0.0.1:5060>\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:caller@127.0.0.1:5062>\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static String ack(String transport, String branch, String callId, String toTag) {
        return "ACK sip:rep-1@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5062;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@127.0.0.1:5062>;tag=f-" + callId + "\r\n"
                + "To: <sip:rep-1@127.0.0.1:5060>;tag=" + toTag + "\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String register(String transport, String branch, String callId) {
        return "REGISTER sip:127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:5062;branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:user0001@127.0.0.1>;tag=f-" + callId + "\r\n"
                + "To: <sip:user0001@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:user0001@127.0.0.1:5062>\r\n"
                + "Expires: 300\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}

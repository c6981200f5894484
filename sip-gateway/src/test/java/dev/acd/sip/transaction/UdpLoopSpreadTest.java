package dev.acd.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transport.SipTransports;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.transport.UdpSockets;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trunk sends every call from one address, so the kernel hands all of its datagrams to one socket; the calls must
 * still be worked on every event loop (one loop was the ACD's ceiling under load), each call on one loop throughout.
 */
class UdpLoopSpreadTest {
    private static final int LOOPS = 4;
    private static final int CALLS = 40;
    /** Timer G only after 10 s: within a test, a final response arriving again answers a retransmitted INVITE. */
    private static final TimerSettings SLOW_RESENDS = new TimerSettings(10_000, 20_000, 5_000);

    private final Map<String, String> loopOfCall = new ConcurrentHashMap<>();
    private final List<String> requestsSeen = new CopyOnWriteArrayList<>();
    private SipTransports transports;
    private DatagramSocket trunk;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Epoll.isAvailable(), "one socket per loop needs native epoll (SO_REUSEPORT)");
        TransactionLayer.Core core = new TransactionLayer.Core() {
            @Override
            public void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context) {
                requestsSeen.add(request.callId());
                loopOfCall.put(request.callId(), Thread.currentThread().getName());
                transaction.respond(SipResponses.create(request, 486, null));
            }

            @Override
            public void onStrayAck(SipMessage ack, RequestContext context) {
            }

            @Override
            public void onStrayResponse(SipMessage response, TransactionLayer layer) {
            }
        };
        TransportSettings settings = TransportSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        transports = SipTransports.start(new TransportSettings(settings.udp(), List.of(), LOOPS,
                settings.tcpIdleTimeoutMs(), settings.maxMessageBytes(), settings.maxHeaderBytes()),
                new TransactionDispatcher(SLOW_RESENDS, core));
        trunk = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        trunk.setSoTimeout(5_000);
    }

    @AfterEach
    void stop() {
        if (trunk != null) {
            trunk.close();
        }
        if (transports != null) {
            transports.close();
        }
    }

    @Test
    void shouldWorkCallsFromOneTrunkOnEveryLoopAndAnswerFromTheOneSipPort() throws IOException {
        assertEquals(LOOPS, transports.udpSockets(0).size(), "one socket per event loop on the SIP address");
        for (int i = 0; i < CALLS; i++) {
            send(SipFixtures.invite("z9hG4bKspread" + i, "spread-" + i, 1));
        }
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < 2 * CALLS; i++) { // a 100 Trying and a 486 for each
            DatagramPacket packet = receive();
            assertEquals(transports.udpAddress(0).getPort(), packet.getPort(), "every answer leaves the SIP port");
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 486")) {
                answered.add(SipFixtures.parse(text).callId());
            }
        }
        assertEquals(CALLS, answered.size(), "every call answered");
        Set<String> loops = new HashSet<>(loopOfCall.values());
        assertTrue(loops.size() > 1, "calls from one trunk worked on more than one loop: " + loops);
    }

    @Test
    void shouldMatchARetransmittedInviteToItsTransactionWhicheverLoopHoldsIt() throws IOException {
        for (int i = 0; i < 8; i++) {
            send(SipFixtures.invite("z9hG4bKretx" + i, "retx-" + i, 1));
        }
        for (int i = 0; i < 16; i++) {
            receive();
        }
        for (int i = 0; i < 8; i++) {
            send(SipFixtures.invite("z9hG4bKretx" + i, "retx-" + i, 1));
        }
        for (int i = 0; i < 8; i++) {
            DatagramPacket packet = receive();
            String again = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(again.startsWith("SIP/2.0 486"), "the transaction resends its final, no new 100: " + again);
        }
        assertEquals(8, requestsSeen.size(), "a retransmission is absorbed by its transaction, not a new request: "
                + requestsSeen);
    }

    @Test
    void shouldGiveADialogWeStartOnALoopACallIdWhosePeersRequestsAreHandledOnThatLoop() throws Exception {
        for (Channel socket : transports.udpSockets(0)) {
            EventLoop loop = socket.eventLoop();
            for (int i = 0; i < 20; i++) {
                String callId = loop.submit(() -> transports.newCallId("127.0.0.1")).get(5, TimeUnit.SECONDS);
                assertSame(loop, UdpSockets.of(socket).homeOf(callId), callId);
            }
        }
    }

    @Test
    void shouldRefuseToStartOnAUdpPortAnotherServerHolds() {
        InetSocketAddress taken = transports.udpAddress(0);
        TransportSettings settings = new TransportSettings(List.of(taken), List.of(), LOOPS,
                TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, 65_535, 16_384);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SipTransports.start(settings, new TransactionDispatcher(TimerSettings.DEFAULTS, null)).close());
        assertTrue(e.getMessage().contains("cannot bind SIP UDP on " + taken), e.getMessage());
    }

    private void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        trunk.send(new DatagramPacket(bytes, bytes.length, transports.udpAddress(0)));
    }

    private DatagramPacket receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        trunk.receive(p);
        return p;
    }
}

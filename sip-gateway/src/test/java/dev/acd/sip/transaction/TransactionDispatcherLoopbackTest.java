package dev.acd.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.SipTransports;
import dev.acd.sip.transport.TransportSettings;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions over a real loopback UDP socket, with short timers so retransmissions come fast. */
class TransactionDispatcherLoopbackTest {
    private static final TimerSettings FAST = new TimerSettings(50, 200, 100);

    private final List<SipMessage> responses = new CopyOnWriteArrayList<>();
    private SipTransports transports;
    private TransactionDispatcher dispatcher;
    private DatagramSocket peer;

    @BeforeEach
    void start() throws IOException {
        TransactionLayer.Core core = new TransactionLayer.Core() {
            @Override
            public void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context) {
                transaction.respond(SipResponses.create(request, 486, null));
            }

            @Override
            public void onStrayAck(SipMessage ack, RequestContext context) {
            }

            @Override
            public void onStrayResponse(SipMessage response, TransactionLayer layer) {
            }
        };
        dispatcher = new TransactionDispatcher(FAST, core);
        transports = SipTransports.start(TransportSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                dispatcher);
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peer.setSoTimeout(5_000);
    }

    @AfterEach
    void stop() {
        peer.close();
        transports.close();
    }

    private String receive() throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        peer.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    private void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, transports.udpAddress(0)));
    }

    @Test
    void shouldSendTryingThenRetransmitTheFinalWhenAnInviteArrivesOverUdp() throws IOException {
        send(SipFixtures.invite("z9hG4bKe2e", "e2e-1", 1));

        String trying = receive();
        String busy = receive();
        String busyAgain = receive();

        assertTrue(trying.startsWith("SIP/2.0 100 Trying"), trying);
        assertTrue(busy.startsWith("SIP/2.0 486 "), busy);
        assertEquals(busy, busyAgain, "Timer G resends the same final");
        assertTrue(busy.contains("rport=" + peer.getLocalPort()), busy);
    }

    @Test
    void shouldGetTheResponseWhenTheFirstTransmissionIsLostOverUdp() throws IOException {
        InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
        SipMessage options = SipFixtures.parse(SipFixtures.request("OPTIONS", TransactionLayer.newBranch(), "e2e-2", 1)
                .replace("192.0.2.10:5060", "127.0.0.1:" + transports.udpAddress(0).getPort()));
        dispatcher.sendRequest(transports.udpChannel(0), SipTransport.UDP, peerAddress, options,
                new ClientTransactionUser() {
                    @Override
                    public void onResponse(ClientTransaction transaction, SipMessage response) {
                        responses.add(response);
                    }

                    @Override
                    public void onTimeout(ClientTransaction transaction) {
                    }
                });

        String lost = receive(); // dropped on purpose: the peer does not answer the first copy
        String retransmission = receive();
        assertEquals(lost, retransmission);
        SipMessage request = SipFixtures.parse(retransmission);
        byte[] ok = SipResponses.create(request, 200, null).encode();
        peer.send(new DatagramPacket(ok, ok.length, transports.udpAddress(0)));

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> !responses.isEmpty());
        assertEquals(200, responses.get(0).statusCode());
        assertEquals("e2e-2", responses.get(0).callId());
    }
}

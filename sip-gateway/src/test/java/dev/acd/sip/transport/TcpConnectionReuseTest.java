package dev.acd.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending over TCP reuses the connection we already have with a peer, whoever opened it. */
class TcpConnectionReuseTest {
    private final List<IncomingMessage> received = new CopyOnWriteArrayList<>();
    private SipTransports transports;

    @BeforeEach
    void start() {
        transports = SipTransports.start(TransportSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                received::add);
    }

    @AfterEach
    void stop() {
        transports.close();
    }

    private static SipMessage options(String callId) {
        return SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bK" + callId, callId, 1));
    }

    private static String readStartLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        while (line != null && !line.isEmpty()) {
            String next = in.readLine();
            if (next == null || next.isEmpty()) {
                break;
            }
        }
        return line;
    }

    @Test
    void shouldOpenOneConnectionAndReuseItForTheNextRequestToTheSamePeer() throws IOException {
        try (ServerSocket peer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(5_000);
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();

            transports.send(SipTransport.TCP, peerAddress, options("reuse-1"));
            try (Socket accepted = peer.accept()) {
                accepted.setSoTimeout(5_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(accepted.getInputStream(),
                        StandardCharsets.UTF_8));
                assertTrue(readStartLine(in).startsWith("OPTIONS "));
                Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> transports.connections().size() == 1);

                transports.send(SipTransport.TCP, peerAddress, options("reuse-2"));

                assertTrue(readStartLine(in).startsWith("OPTIONS "), "second request on the same connection");
                assertEquals(1, transports.connections().size());
            }
        }
    }

    @Test
    void shouldSendOnTheConnectionThePeerOpenedToUs() throws IOException {
        try (Socket peer = new Socket()) {
            peer.connect(transports.tcpAddress(0), 5_000);
            peer.setSoTimeout(5_000);
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            Awaitility.await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> transports.connections().find(peerAddress) != null);

            transports.send(SipTransport.TCP, peerAddress, options("back-1"));

            BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(readStartLine(in).startsWith("OPTIONS "));
        }
    }
}

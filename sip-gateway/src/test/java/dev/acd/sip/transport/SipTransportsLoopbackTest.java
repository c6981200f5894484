package dev.acd.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipResponses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SipTransportsLoopbackTest {
    private static final int SOCKET_TIMEOUT_MS = 5_000;

    private SipTransports transports;

    @BeforeEach
    void start() {
        InetSocketAddress ephemeral = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        transports = SipTransports.start(TransportSettings.on(ephemeral),
                in -> in.reply(SipResponses.create(in.message(), 200, null)));
    }

    @AfterEach
    void stop() {
        transports.close();
    }

    private static String exchange(DatagramSocket socket, InetSocketAddress server, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, server));
        DatagramPacket answer = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(answer);
        return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldAnswerOverUdpWithRportFilledWhenARequestArrivesOnLoopback() throws IOException {
        try (DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            phone.setSoTimeout(SOCKET_TIMEOUT_MS);
            byte[] invite = SipFixtures.invite("z9hG4bKl1", "loop-1", 1).getBytes(StandardCharsets.UTF_8);

            String answer = exchange(phone, transports.udpAddress(0), invite);

            assertTrue(answer.startsWith("SIP/2.0 200 OK\r\n"), answer);
            assertTrue(answer.contains("rport=" + phone.getLocalPort()), answer);
            assertTrue(answer.contains("received=127.0.0.1"), answer);
        }
        assertEquals(1, transports.counters().received());
    }

    @Test
    void shouldAnswerOverTcpAndKeepTheConnectionWhenTwoRequestsArrive() throws IOException {
        try (Socket phone = new Socket()) {
            phone.setSoTimeout(SOCKET_TIMEOUT_MS);
            phone.connect(transports.tcpAddress(0), SOCKET_TIMEOUT_MS);
            String two = SipFixtures.request("OPTIONS", "z9hG4bKt1", "tcp-1", 1)
                    + SipFixtures.request("OPTIONS", "z9hG4bKt2", "tcp-2", 1);
            phone.getOutputStream().write(two.getBytes(StandardCharsets.UTF_8));

            String first = readMessage(phone.getInputStream());
            String second = readMessage(phone.getInputStream());

            assertTrue(first.startsWith("SIP/2.0 200 OK\r\n") && first.contains("Call-ID: tcp-1"), first);
            assertTrue(second.contains("Call-ID: tcp-2"), second);
        }
    }

    @Test
    void shouldStayUpOverUdpWhenTheMalformedCorpusArrives() throws IOException {
        List<Path> corpus = SipFixtures.malformedCorpus();
        try (DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            phone.setSoTimeout(SOCKET_TIMEOUT_MS);
            for (Path file : corpus) {
                byte[] bytes = SipFixtures.read(file);
                phone.send(new DatagramPacket(bytes, bytes.length, transports.udpAddress(0)));
                int expected = SipFixtures.expectedStatus(file);
                byte[] ok = SipFixtures.request("OPTIONS", "z9hG4bKu", "after-" + file.getFileName(), 1)
                        .getBytes(StandardCharsets.UTF_8);
                String answer = exchange(phone, transports.udpAddress(0), ok);
                if (expected != 0) {
                    // the malformed one's answer comes first: datagrams from one loop arrive in order on loopback
                    assertTrue(answer.startsWith("SIP/2.0 " + expected + " "), file + " got " + answer);
                    DatagramPacket next = new DatagramPacket(new byte[65_535], 65_535);
                    phone.receive(next);
                    answer = new String(next.getData(), 0, next.getLength(), StandardCharsets.UTF_8);
                }
                assertTrue(answer.startsWith("SIP/2.0 200 OK") && answer.contains("after-"), file + " got " + answer);
            }
        }
        assertEquals(corpus.size(), transports.counters().answeredMalformed() + transports.counters().dropped());
    }

    @Test
    void shouldStayUpOverTcpWhenTheMalformedCorpusArrives() throws IOException {
        for (Path file : SipFixtures.malformedCorpus()) {
            try (Socket phone = new Socket()) {
                phone.setSoTimeout(SOCKET_TIMEOUT_MS);
                phone.connect(transports.tcpAddress(0), SOCKET_TIMEOUT_MS);
                phone.getOutputStream().write(SipFixtures.read(file));
                if (SipStreamCodecTest.NEEDS_MORE_BYTES_ON_A_STREAM.contains(file.getFileName().toString())) {
                    continue; // the server waits for the rest of the frame; closing the connection ends it
                }
                phone.getOutputStream().write(SipFixtures.request("OPTIONS", "z9hG4bKt", "after-tcp", 1)
                        .getBytes(StandardCharsets.UTF_8));
                int expected = SipFixtures.expectedStatus(file);
                if (expected != 0) {
                    String answer = readMessage(phone.getInputStream());
                    assertTrue(answer.startsWith("SIP/2.0 " + expected + " "), file + " got " + answer);
                }
                String ok = readMessage(phone.getInputStream());
                assertTrue(ok.startsWith("SIP/2.0 200 OK") && ok.contains("after-tcp"), file + " got " + ok);
            }
        }
        try (Socket phone = new Socket()) {
            phone.setSoTimeout(SOCKET_TIMEOUT_MS);
            phone.connect(transports.tcpAddress(0), SOCKET_TIMEOUT_MS);
            phone.getOutputStream().write(SipFixtures.request("OPTIONS", "z9hG4bKz", "last", 1)
                    .getBytes(StandardCharsets.UTF_8));
            assertTrue(readMessage(phone.getInputStream()).contains("Call-ID: last"));
        }
    }

    /** Reads one response framed by Content-Length (responses from our stack always carry it). */
    static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.UTF_8);
        int at = headers.indexOf("\r\nContent-Length: ") + "\r\nContent-Length: ".length();
        int length = Integer.parseInt(headers.substring(at, headers.indexOf("\r\n", at)).strip());
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}

package dev.acd.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.loop.LoopTurns;
import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipLimits;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A loop that also relays RTP comes round to its SIP socket only now and then; what waited there is read at once. */
class SipUdpBacklogTest {
    private static final int BURST = 50;

    @Test
    void shouldReadEveryRequestThatWaitedWhileTheLoopWasBusyInOneOrTwoTurns() throws Exception {
        InetSocketAddress ephemeral = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        TransportSettings oneLoop = new TransportSettings(List.of(ephemeral), List.of(), 1,
                TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, SipLimits.MAX_MESSAGE_BYTES, SipLimits.MAX_HEADER_BYTES);
        ConcurrentLinkedQueue<Long> readInTurn = new ConcurrentLinkedQueue<>();
        CountDownLatch all = new CountDownLatch(BURST);
        LoopTurns[] turns = new LoopTurns[1];
        try (SipTransports transports = SipTransports.start(oneLoop, in -> {
                    readInTurn.add(turns[0].now());
                    all.countDown();
                });
                DatagramSocket phone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            turns[0] = LoopTurns.hold(transports.nextLoop());
            try (LoopTurns held = turns[0]) {
                for (int i = 0; i < BURST; i++) {
                    byte[] invite = SipFixtures.invite("z9hG4bKb" + i, "burst-" + i, 1).getBytes(StandardCharsets.UTF_8);
                    phone.send(new DatagramPacket(invite, invite.length, transports.udpAddress(0)));
                }
                held.release();

                assertTrue(all.await(10, TimeUnit.SECONDS), "requests read: " + readInTurn.size() + " of " + BURST);
            }
        }
        long first = readInTurn.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = readInTurn.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(BURST, readInTurn.size());
        assertTrue(last - first <= 1, "the " + BURST + " requests took " + (last - first + 1) + " turns of the loop");
    }
}

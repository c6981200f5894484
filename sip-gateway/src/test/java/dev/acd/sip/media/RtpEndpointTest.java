package dev.acd.sip.media;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.loop.LoopTurns;
import dev.acd.sip.sdp.Codec;
import dev.acd.sip.sdp.MediaDirection;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpEndpointTest {
    private final MediaFixture media = new MediaFixture(200);
    private final short[] silence = new short[160];

    @AfterEach
    void tearDown() {
        media.close();
    }

    private InetSocketAddress target(RtpEndpoint e) {
        return new InetSocketAddress("127.0.0.1", e.localPort());
    }

    @Test
    void shouldCatchUpWithTheAudioThatWaitedWhileItsLoopWasHeldUpInOneOrTwoTurns() throws Exception {
        int waiting = 8; // 160 ms of audio: a long GC pause or a busy machine
        try (TestPhone peer = new TestPhone(1)) {
            RtpEndpoint e = media.open();
            e.configure(Codec.PCMU, 0, 101, peer.address(), MediaDirection.SENDRECV);
            ConcurrentLinkedQueue<Long> readInTurn = new ConcurrentLinkedQueue<>();
            try (LoopTurns turns = LoopTurns.hold(media.loop)) {
                e.listener((endpoint, packet) -> readInTurn.add(turns.now()));
                for (int i = 0; i < waiting; i++) {
                    peer.sendAudio(target(e), 0, new byte[160]);
                }
                turns.release();
                await().until(() -> readInTurn.size() == waiting);
            }
            long first = readInTurn.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = readInTurn.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(last - first <= 1, waiting + " packets took " + (last - first + 1) + " turns of the loop");
        }
    }

    @Test
    void shouldSendToTheLatchedSourceWhenThePeerSendsFromAnotherPortThanItsSdpSaid() throws Exception {
        try (TestPhone sdpAddress = new TestPhone(1); TestPhone natted = new TestPhone(2);
                TestPhone stranger = new TestPhone(3)) {
            RtpEndpoint e = media.open();
            e.configure(Codec.PCMU, 0, 101, sdpAddress.address(), MediaDirection.SENDRECV);
            media.run(() -> e.sendPcm(true, silence, 160));
            assertNotNull(sdpAddress.receive(), "before latching, RTP goes to the SDP address");

            natted.sendAudio(target(e), 0, new byte[160]);
            await().until(() -> e.counters().latched());
            media.run(() -> e.sendPcm(false, silence, 160));
            DatagramPacket p = natted.receive();
            assertNotNull(p, "after latching, RTP goes to where the peer's packets come from");
            assertEquals(natted.address(), e.counters().sendingTo());

            stranger.sendAudio(target(e), 0, new byte[160]);
            await().until(() -> e.counters().ignored() == 1);
            assertEquals(1, e.counters().packetsIn());
        }
    }

    @Test
    void shouldGiveOurOwnContiguousSequenceAndTimestampsToWhatWeSend() throws Exception {
        try (TestPhone peer = new TestPhone(1)) {
            RtpEndpoint e = media.open();
            e.configure(Codec.PCMA, 8, -1, peer.address(), MediaDirection.SENDRECV);
            media.run(() -> {
                for (int i = 0; i < 3; i++) {
                    e.sendPcm(i == 0, silence, 160);
                }
            });
            DatagramPacket a = peer.receive();
            DatagramPacket b = peer.receive();
            DatagramPacket c = peer.receive();
            assertEquals(8, TestPhone.payloadType(a));
            assertEquals((TestPhone.sequence(a) + 1) & 0xFFFF, TestPhone.sequence(b));
            assertEquals((TestPhone.sequence(b) + 1) & 0xFFFF, TestPhone.sequence(c));
            assertEquals((TestPhone.timestamp(a) + 160) & 0xFFFFFFFFL, TestPhone.timestamp(b));
            assertEquals(3, e.counters().packetsOut());
        }
    }

    @Test
    void shouldCountLostPacketsWhenSequenceNumbersSkip() throws Exception {
        try (TestPhone peer = new TestPhone(1)) {
            RtpEndpoint e = media.open();
            e.configure(Codec.PCMU, 0, -1, peer.address(), MediaDirection.SENDRECV);
            for (int seq : new int[] {10, 11, 14, 15, 13}) {
                peer.send(target(e), 0, false, seq, seq * 160L, new byte[160]);
            }
            await().until(() -> e.counters().packetsIn() == 5);
            RtpCounters counters = e.counters();
            assertEquals(1, counters.lost(), "12 never came; 13 came late but came");
            assertEquals(1, counters.late());
        }
    }

    @Test
    void shouldNotSendWhenOurDirectionIsRecvonly() throws Exception {
        try (TestPhone peer = new TestPhone(1)) {
            RtpEndpoint e = media.open();
            e.configure(Codec.PCMU, 0, -1, peer.address(), MediaDirection.RECVONLY);
            media.run(() -> e.sendPcm(true, silence, 160));
            assertEquals(0, e.counters().packetsOut());
        }
    }

    @Test
    void shouldReportOneWayAudioOnceWhenAnActiveLegReceivesNothing() throws Exception {
        RtpEndpoint e = media.open();
        e.configure(Codec.PCMU, 0, -1, new InetSocketAddress("127.0.0.1", 9), MediaDirection.SENDRECV);
        AtomicInteger reports = new AtomicInteger();
        e.active(true, (endpoint, silentMs) -> {
            assertTrue(silentMs >= 200);
            reports.incrementAndGet();
        });

        await().atMost(Duration.ofSeconds(3)).until(() -> reports.get() == 1);
        // the watchdog keeps checking every 50 ms; a second report in half a second would be a repeat
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> reports.get() == 1);
    }

    @Test
    void shouldNotReportOneWayAudioWhileTheLegIsNotActive() throws Exception {
        RtpEndpoint e = media.open();
        AtomicInteger reports = new AtomicInteger();
        e.active(false, (endpoint, silentMs) -> reports.incrementAndGet());
        RtpEndpoint watched = media.open();
        AtomicInteger watchedReports = new AtomicInteger();
        watched.active(true, (endpoint, silentMs) -> watchedReports.incrementAndGet());

        // the active one proves time has passed beyond the timeout
        await().atMost(Duration.ofSeconds(3)).until(() -> watchedReports.get() == 1);
        assertEquals(0, reports.get());
    }

    @Test
    void shouldGiveThePortPairBackWhenClosed() throws Exception {
        int before = media.pool.available();
        RtpEndpoint e = media.open();
        assertEquals(before - 1, media.pool.available());
        assertEquals(0, e.localPort() % 2);
        e.close();
        await().until(() -> media.pool.available() == before);
    }

    @Test
    void shouldKeepAClosedEndpointsPacketsInTheTotals() throws Exception {
        try (TestPhone peer = new TestPhone(1)) {
            RtpEndpoint e = media.open();
            e.configure(Codec.PCMU, 0, -1, peer.address(), MediaDirection.SENDRECV);
            peer.send(target(e), 0, false, 100, 0, new byte[160]);
            peer.send(target(e), 0, false, 103, 480, new byte[160]); // 101 and 102 never come
            media.run(() -> e.sendPcm(true, silence, 160));
            await().until(() -> media.endpoints.totals().packetsIn() == 2);
            RtpTotals live = media.endpoints.totals();
            assertEquals(1, live.open());
            assertEquals(2, live.lost());
            assertEquals(1, live.packetsOut());

            e.close();
            await().until(() -> media.endpoints.totals().open() == 0);
            RtpTotals closed = media.endpoints.totals();
            assertEquals(2, closed.packetsIn());
            assertEquals(2, closed.lost());
            assertEquals(1, closed.opened());
        }
    }
}

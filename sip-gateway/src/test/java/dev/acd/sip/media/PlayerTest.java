package dev.acd.sip.media;

import dev.acd.testkit.Tones;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.sip.sdp.Codec;
import dev.acd.sip.sdp.MediaDirection;
import java.net.DatagramPacket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlayerTest {
    private final MediaFixture media = new MediaFixture(0);

    @AfterEach
    void tearDown() {
        media.close();
    }

    @Test
    void shouldSendOnePacketPer20MsFrameThenCallBackOnceWhenAPromptEnds() throws Exception {
        try (TestPhone phone = new TestPhone(1)) {
            RtpEndpoint leg = media.open();
            leg.configure(Codec.PCMA, 8, -1, phone.address(), MediaDirection.SENDRECV);
            AtomicInteger finished = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            // 1.01 s: 50 whole frames and a last one padded with silence
            short[] prompt = BuiltInSounds.tone(1000, 1010, 0.3);

            Player player = Player.play(leg, PcmSource.once(prompt), () -> {
                finished.incrementAndGet();
                done.countDown();
            });

            assertTrue(done.await(5, TimeUnit.SECONDS));
            assertEquals(51, player.framesSent());
            DatagramPacket previous = null;
            for (int i = 0; i < 51; i++) {
                DatagramPacket p = phone.receive();
                assertNotNull(p, "frame " + i);
                assertEquals(172, p.getLength(), "12 header bytes + 160 A-law samples");
                assertEquals(i == 0, (p.getData()[1] & 0x80) != 0, "the marker bit starts the talk spurt");
                if (previous != null) {
                    assertEquals((TestPhone.sequence(previous) + 1) & 0xFFFF, TestPhone.sequence(p));
                    assertEquals((TestPhone.timestamp(previous) + 160) & 0xFFFFFFFFL, TestPhone.timestamp(p));
                }
                previous = p;
            }
            phone.socket.setSoTimeout(200);
            assertNull(phone.receive(), "nothing after the prompt's last frame");
            assertEquals(1, finished.get());
        }
    }

    @Test
    void shouldLoopMusicUntilStoppedWithoutCallingBack() throws Exception {
        try (TestPhone phone = new TestPhone(1)) {
            RtpEndpoint leg = media.open();
            leg.configure(Codec.PCMU, 0, -1, phone.address(), MediaDirection.SENDRECV);
            AtomicInteger finished = new AtomicInteger();
            short[] shortLoop = BuiltInSounds.tone(440, 50, 0.3); // 2.5 frames: loops inside every third frame

            Player player = Player.play(leg, PcmSource.looping(shortLoop), finished::incrementAndGet);
            await().until(() -> player.framesSent() >= 10);
            player.stop();
            long sent = media.onLoop(player::framesSent);

            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                    .until(() -> player.framesSent() == sent);
            assertEquals(0, finished.get());
            await().until(() -> leg.counters().packetsOut() == sent);
        }
    }

    @Test
    void shouldShipASeamlessHoldTuneAndABeep() {
        short[] music = BuiltInSounds.holdMusic();
        assertEquals(8 * 8000, music.length);
        assertTrue(Math.abs(music[0]) < 100 && Math.abs(music[music.length - 1]) < 100, "no click at the loop point");
        int peak = 0;
        for (short s : music) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak > 3000 && peak < 20000, "audible without clipping: peak " + peak);
        assertTrue(Tones.dominates(BuiltInSounds.beep(), 1000, 2000));
    }
}

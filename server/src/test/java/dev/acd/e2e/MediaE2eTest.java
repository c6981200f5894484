package dev.acd.e2e;

import dev.acd.testkit.Tones;
import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.recorder.wav.WavReader;

/**
 * Media end to end through the real server: the caller (a trunk phone on 127.0.0.1) sends a 1 kHz tone, the rep's
 * softphone 2 kHz; each hears the other's tone through the relay, the stereo recording holds the customer on the
 * left and the rep on the right, RecordingReady names it, and the QA service scores it.
 */
class MediaE2eTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final double CALLER_HZ = 1_000;
    private static final double REP_HZ = 2_000;

    @TempDir
    Path dir;

    @Test
    void shouldRelayEachSidesToneRecordCustomerLeftRepRightAndScoreTheRecording() throws Exception {
        try (E2eServer acd = E2eServer.start(dir, E2eServer.Options.defaults());
                TestPhone ava = acd.rep("127.0.0.2", AVA);
                TestPhone trunk = TestPhone.start("127.0.0.1")) {
            ava.playTone(REP_HZ);
            TestPhone.Call call = trunk.call(SALES_NUMBER, acd.sipAddress());
            assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
            trunk.playTone(CALLER_HZ);
            await().atMost(LIMIT).until(() -> !acd.journaled(CallAnswered.class).isEmpty());
            trunk.forget();
            ava.forget();
            // a second of bridged audio heard on each side
            await().atMost(LIMIT).until(() -> trunk.heard().length >= 8_000 && ava.heard().length >= 8_000);
            assertTrue(Tones.lastDominates(trunk.heard(), 1_600, REP_HZ, CALLER_HZ),
                    "the caller hears the rep's 2 kHz");
            assertTrue(Tones.lastDominates(ava.heard(), 1_600, CALLER_HZ, REP_HZ), "the rep hears the caller's 1 kHz");
            trunk.hangUp(call.dialog);

            await().atMost(LIMIT).until(() -> !acd.journaled(RecordingReady.class).isEmpty());
            RecordingReady ready = acd.journaled(RecordingReady.class).get(0);
            long callId = acd.journaled(CallAnswered.class).get(0).callId();
            assertEquals(callId, ready.callId());
            Path wav = Path.of(ready.path());
            assertTrue(Files.isRegularFile(wav), "RecordingReady names the file: " + wav);
            short[][] channels = readStereo(wav);
            int n = channels[0].length;
            assertTrue(n >= 8_000, "at least a second recorded, got " + n + " frames");
            assertTrue(ready.durationMs() >= 1_000, "duration " + ready.durationMs());
            // the middle of the call, away from the bridge's first and last packets
            int from = n / 4;
            int to = n - n / 4;
            assertTrue(Tones.dominates(channels[0], from, to, CALLER_HZ, REP_HZ), "left is the customer: 1 kHz");
            assertTrue(Tones.dominates(channels[1], from, to, REP_HZ, CALLER_HZ), "right is the rep: 2 kHz");

            await().atMost(LIMIT).until(() -> acd.journaled(QaScored.class).stream()
                    .anyMatch(q -> q.callId() == callId));
            QaScored score = acd.journaled(QaScored.class).get(0);
            assertEquals(AVA, score.repId());
            assertTrue(score.score() >= 0 && score.score() <= 100, "a 0-100 score: " + score.score());
            assertTrue(!score.criteria().isEmpty(), "criterion by criterion");
        }
    }

    private static short[][] readStereo(Path wav) throws Exception {
        try (WavReader reader = WavReader.open(wav)) {
            assertEquals(2, reader.format().channels(), "a stereo recording");
            assertEquals(8_000, reader.format().sampleRateHz());
            short[][] all = {new short[0], new short[0]};
            short[][] block = {new short[4_096], new short[4_096]};
            for (int n = reader.read(block, 4_096); n > 0; n = reader.read(block, 4_096)) {
                for (int c = 0; c < 2; c++) {
                    int old = all[c].length;
                    all[c] = Arrays.copyOf(all[c], old + n);
                    System.arraycopy(block[c], 0, all[c], old, n);
                }
            }
            return all;
        }
    }
}

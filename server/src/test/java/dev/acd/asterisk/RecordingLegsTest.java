package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.asterisk.recording.RecordingWatcher;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.time.ManualClock;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.scorecard.CallFacts;
import dev.acd.recorder.scorecard.DefaultScorecard;
import dev.acd.recorder.scorecard.ReviewPolicy;
import dev.acd.recorder.scoring.RecordingScorer;
import dev.acd.recorder.scoring.ScoredCall;
import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavFormat;
import dev.acd.recorder.wav.WavReader;
import dev.acd.recorder.wav.WavWriter;

/**
 * MixMonitor's r()/t() legs become one stereo recording, customer left and rep right, announced once; a mono (mixed)
 * recording is announced as it is, and QA scoring refuses it with a reason instead of failing.
 */
class RecordingLegsTest {
    private static final int RATE_HZ = 8_000;
    private static final short REP_LEVEL = 1_000;
    private static final short CUSTOMER_LEVEL = -2_000;

    @TempDir
    Path dir;
    private final List<Event> published = new CopyOnWriteArrayList<>();
    private final EventPublisher publisher = new EventPublisher() {
        @Override
        public void publish(Event event) {
            published.add(event);
        }

        @Override
        public boolean tryPublish(Event event) {
            return published.add(event);
        }
    };

    @Test
    void shouldMergeTheTwoLegsIntoOneStereoRecordingWithTheCustomerLeftAndTheRepRight() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("tmp"));
        try (RecordingWatcher watcher = new RecordingWatcher(dir, publisher, new ManualClock(9_000), 20)) {
            watcher.start();
            // On the rep's channel: r() is what the rep says (3 s), t() what the rep hears, the customer (2 s).
            writeLeg(staging.resolve("acd-7-in.wav"), REP_LEVEL, RATE_HZ * 3);
            writeLeg(staging.resolve("acd-7-out.wav"), CUSTOMER_LEVEL, RATE_HZ * 2);
            Files.move(staging.resolve("acd-7-in.wav"), dir.resolve("acd-7-in.wav"));
            await().during(Duration.ofMillis(100)).atMost(2, SECONDS).until(published::isEmpty);
            Files.move(staging.resolve("acd-7-out.wav"), dir.resolve("acd-7-out.wav"));

            await().atMost(5, SECONDS).until(() -> !published.isEmpty());
            await().during(Duration.ofMillis(100)).atMost(2, SECONDS).until(() -> published.size() == 1);
        }
        Path stereo = dir.resolve("acd-7-stereo.wav");
        assertEquals(List.of(new RecordingReady(9_000, 7, stereo.toAbsolutePath().toString(), 3_000)), published);
        try (WavReader reader = WavReader.open(stereo)) {
            assertEquals(new WavFormat(WavEncoding.PCM_16, 2, RATE_HZ, RATE_HZ * 3 * 4L), reader.format());
            short[][] samples = new short[2][RATE_HZ * 3];
            assertEquals(RATE_HZ * 3, reader.read(samples, RATE_HZ * 3));
            assertEquals(List.of(CUSTOMER_LEVEL, REP_LEVEL), List.of(samples[0][0], samples[1][0]), "left, right");
            assertEquals(List.of((short) 0, REP_LEVEL), List.of(samples[0][RATE_HZ * 2 + 1], samples[1][RATE_HZ * 2 + 1]),
                    "the shorter customer leg goes on as silence");
        }
    }

    @Test
    void shouldAnnounceAMonoRecordingWhichQaThenRefusesWithAReasonWithoutFailing() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("tmp"));
        try (RecordingWatcher watcher = new RecordingWatcher(dir, publisher, new ManualClock(9_000), 20)) {
            watcher.start();
            writeLeg(staging.resolve("acd-8.wav"), REP_LEVEL, RATE_HZ);
            writeLeg(staging.resolve("acd-9-in.wav"), REP_LEVEL, RATE_HZ);
            writeLeg(staging.resolve("acd-9-out.wav"), CUSTOMER_LEVEL, RATE_HZ);
            for (String name : List.of("acd-8.wav", "acd-9-in.wav", "acd-9-out.wav")) {
                Files.move(staging.resolve(name), dir.resolve(name));
            }
            await().atMost(5, SECONDS).until(() -> published.size() == 2);
        }

        Map<Long, String> failures = new ConcurrentHashMap<>();
        Map<Long, ScoredCall> scored = new ConcurrentHashMap<>();
        RecordingScorer scorer = new RecordingScorer(new CallAnalyzer(), ReviewPolicy.DEFAULTS, new ManualClock(10_000),
                1, new RecordingScorer.Listener() {
                    @Override
                    public void scored(ScoredCall call) {
                        scored.put(call.recording().callId(), call);
                    }

                    @Override
                    public void failed(RecordingReady recording, Exception failure) {
                        failures.put(recording.callId(), failure.getMessage());
                    }
                });
        try {
            for (Event event : published) {
                scorer.submit((RecordingReady) event, "anna", DefaultScorecard.create(), CallFacts.NONE);
            }
        } finally {
            scorer.close();
        }
        assertEquals(List.of(9L), List.copyOf(scored.keySet()), "the merged call is scored");
        assertEquals(List.of(8L), List.copyOf(failures.keySet()));
        assertTrue(failures.get(8L).contains("a mono recording"), failures.get(8L));
    }

    private static void writeLeg(Path file, short level, int frames) throws IOException {
        short[][] block = new short[1][frames];
        java.util.Arrays.fill(block[0], level);
        try (WavWriter writer = WavWriter.create(file, WavEncoding.PCM_16, 1, RATE_HZ)) {
            writer.write(block, 0, frames);
        }
    }
}

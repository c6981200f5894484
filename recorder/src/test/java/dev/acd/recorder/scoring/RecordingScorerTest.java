package dev.acd.recorder.scoring;

import static dev.acd.recorder.analysis.SyntheticCall.CUSTOMER;
import static dev.acd.recorder.analysis.SyntheticCall.REP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.time.ManualClock;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.analysis.SyntheticCall;
import dev.acd.recorder.scorecard.DefaultScorecard;
import dev.acd.recorder.scorecard.CallFacts;
import dev.acd.recorder.scorecard.ReviewPolicy;
import dev.acd.recorder.scorecard.Scorecard;
import dev.acd.core.event.QaReviewReason;

class RecordingScorerTest {
    private static final long NOW = 1_795_000_000_000L;

    @TempDir
    Path dir;

    private final Map<Long, ScoredCall> scored = new ConcurrentHashMap<>();
    private final Map<Long, Exception> failed = new ConcurrentHashMap<>();

    @Test
    void shouldScoreEveryRecordingOffTheCallerThreadAndReportFailuresWithoutStopping() throws Exception {
        Path good = new SyntheticCall(8_000, 20_000, 1)
                .say(REP, 500, 3_000, -20, 120).say(CUSTOMER, 3_500, 7_000, -24, 210)
                .say(REP, 7_400, 12_000, -20, 120).say(CUSTOMER, 12_500, 16_000, -24, 210)
                .noise(CUSTOMER, -60).noise(REP, -60).write(dir.resolve("good.wav"));
        Path oneWay = new SyntheticCall(8_000, 20_000, 2)
                .say(REP, 500, 3_000, -20, 120).say(REP, 6_000, 9_000, -20, 120)
                .noise(CUSTOMER, -55).noise(REP, -60).write(dir.resolve("one-way.wav"));
        CountDownLatch done = new CountDownLatch(3);
        Thread caller = Thread.currentThread();
        RecordingScorer.Listener listener = new RecordingScorer.Listener() {
            @Override
            public void scored(ScoredCall call) {
                assertTrue(Thread.currentThread() != caller);
                scored.put(call.recording().callId(), call);
                done.countDown();
            }

            @Override
            public void failed(RecordingReady recording, Exception failure) {
                failed.put(recording.callId(), failure);
                done.countDown();
            }
        };
        RecordingScorer scorer = new RecordingScorer(new CallAnalyzer(), ReviewPolicy.DEFAULTS, new ManualClock(NOW), 2,
                listener);
        Scorecard card = DefaultScorecard.create();
        try {
            scorer.submit(new RecordingReady(NOW - 5, 1, good.toString(), 20_000), "rep-ann", card, CallFacts.NONE);
            scorer.submit(new RecordingReady(NOW - 4, 2, dir.resolve("lost.wav").toString(), 20_000), "rep-bob", card, CallFacts.NONE);
            scorer.submit(new RecordingReady(NOW - 3, 3, oneWay.toString(), 20_000), "rep-cy", card, CallFacts.NONE);
            assertTrue(done.await(10, TimeUnit.SECONDS), "all three recordings handled");
        } finally {
            scorer.close();
        }

        ScoredCall first = scored.get(1L);
        assertEquals(new QaScored(NOW, 1, "rep-ann", "default", first.score().rounded(), false,
                first.event().criteria()), first.event());
        assertEquals(card.criteria().size(), first.event().criteria().size(), "every criterion's points journaled");
        assertEquals(List.of(), first.review(), first.score().toString());
        assertTrue(failed.get(2L).getMessage().contains("lost.wav"), failed.get(2L).getMessage());
        assertTrue(scored.get(3L).review().contains(QaReviewReason.ONE_WAY_AUDIO), scored.get(3L).review().toString());
        assertEquals("rep-cy", scored.get(3L).event().repId());
        assertEquals(new ScoringProgress(3, 2, 1, 0), scorer.progress());
    }

    @Test
    void shouldRestBetweenRecordingsAsThePaceSaysAndStopRestingWhenClosed() throws Exception {
        Path call = new SyntheticCall(8_000, 10_000, 4)
                .say(REP, 500, 3_000, -20, 120).say(CUSTOMER, 3_500, 7_000, -24, 210)
                .noise(CUSTOMER, -60).noise(REP, -60).write(dir.resolve("call.wav"));
        CountDownLatch resting = new CountDownLatch(1);
        ScoringPace anHour = workedMs -> {
            resting.countDown();
            return 3_600_000;
        };
        RecordingScorer scorer = new RecordingScorer(new CallAnalyzer(), ReviewPolicy.DEFAULTS, new ManualClock(NOW), 1,
                anHour, new RecordingScorer.Listener() {
                    @Override
                    public void scored(ScoredCall c) {
                        scored.put(c.recording().callId(), c);
                    }

                    @Override
                    public void failed(RecordingReady recording, Exception failure) {
                        failed.put(recording.callId(), failure);
                    }
                });
        Scorecard card = DefaultScorecard.create();
        scorer.submit(new RecordingReady(NOW - 2, 1, call.toString(), 10_000), "rep-ann", card, CallFacts.NONE);
        scorer.submit(new RecordingReady(NOW - 1, 2, call.toString(), 10_000), "rep-bob", card, CallFacts.NONE);

        assertTrue(resting.await(10, TimeUnit.SECONDS), "the pace is asked after the first recording");
        assertEquals(List.of(1L), List.copyOf(scored.keySet()), "the one worker rests before the second");
        assertEquals(1, scorer.progress().backlog());

        // closing ends the rest: the queued recording is scored now, not in an hour (close would give up after 60 s)
        assertTimeoutPreemptively(Duration.ofSeconds(30), scorer::close);
        assertEquals(2, scored.size());
        assertTrue(failed.isEmpty(), failed.toString());
    }
}

package dev.acd.recorder.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.acd.core.event.QaCriterionScore;
import dev.acd.core.event.QaReviewReason;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.time.Clock;
import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.scorecard.CallFacts;
import dev.acd.recorder.scorecard.CriterionScore;
import dev.acd.recorder.scorecard.QaScore;
import dev.acd.recorder.scorecard.ReviewPolicy;
import dev.acd.recorder.scorecard.Scorecard;

/**
 * Scores finished recordings on its own worker pool, so analysis never runs on a call's event loop or the router
 * thread. Each {@link #submit} is queued without limit (a backlog after a restart is just a long queue); results and
 * failures go to the {@link Listener} on a worker thread, which must hand them on (e.g. publish the
 * {@code QaScored} event) rather than block. Thread-safe.
 */
public final class RecordingScorer implements AutoCloseable {
    /** Receives results on worker threads. */
    public interface Listener {
        void scored(ScoredCall call);

        /** A recording could not be scored (missing, unreadable, not stereo); the message says which and why. */
        void failed(RecordingReady recording, Exception failure);
    }

    private static final long CLOSE_WAIT_SECONDS = 60;

    private final CallAnalyzer analyzer;
    private final ReviewPolicy review;
    private final Clock clock;
    private final Listener listener;
    private final ExecutorService workers;
    private final ScoringPace pace;
    /** Counted down by {@link #close}: a resting worker gets on with the queue at once. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public RecordingScorer(CallAnalyzer analyzer, ReviewPolicy review, Clock clock, int threads, Listener listener) {
        this(analyzer, review, clock, threads, ScoringPace.FLAT_OUT, listener);
    }

    /** @param pace how long a worker rests after each recording (e.g. while the relay is busy) */
    public RecordingScorer(CallAnalyzer analyzer, ReviewPolicy review, Clock clock, int threads, ScoringPace pace,
            Listener listener) {
        if (threads < 1) {
            throw new IllegalArgumentException("QA workers must be at least 1, got " + threads);
        }
        this.analyzer = analyzer;
        this.review = review;
        this.clock = clock;
        this.listener = listener;
        this.pace = pace;
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "qa-worker-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Queues a recording for scoring on {@code scorecard}; {@code repId} is the rep who took the call and
     * {@code facts} what the journal says about it ({@link CallFacts#NONE} without a journal).
     */
    public void submit(RecordingReady recording, String repId, Scorecard scorecard, CallFacts facts) {
        submitted.incrementAndGet();
        workers.execute(() -> {
            long start = System.nanoTime();
            score(recording, repId, scorecard, facts);
            rest(pace.restAfterMs((System.nanoTime() - start) / 1_000_000));
        });
    }

    private void rest(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            closing.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void score(RecordingReady recording, String repId, Scorecard scorecard, CallFacts facts) {
        ScoredCall result;
        try {
            CallAnalysis analysis = analyzer.analyze(Path.of(recording.path()));
            QaScore score = scorecard.score(analysis, facts);
            List<QaReviewReason> reasons = review.reasons(analysis, score);
            List<QaCriterionScore> criteria = new ArrayList<>(score.criteria().size());
            for (CriterionScore c : score.criteria()) {
                if (c.counted()) {
                    criteria.add(new QaCriterionScore(c.criterion(), (int) Math.round(c.points())));
                }
            }
            QaScored event = new QaScored(clock.millis(), recording.callId(), repId, scorecard.name(),
                    score.rounded(), false, criteria);
            result = new ScoredCall(recording, analysis, score, reasons, event);
        } catch (Exception e) {
            failed.incrementAndGet();
            listener.failed(recording, e);
            return;
        }
        scored.incrementAndGet();
        listener.scored(result);
    }

    public ScoringProgress progress() {
        long done = scored.get() + failed.get();
        long all = submitted.get();
        return new ScoringProgress(all, scored.get(), failed.get(), all - done);
    }

    /** Stops taking recordings and waits (up to a minute) for the queued ones to be scored. */
    @Override
    public void close() throws InterruptedException {
        closing.countDown();
        workers.shutdown();
        if (!workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}

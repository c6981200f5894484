package dev.acd.recorder.qa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.time.Clock;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.scorecard.ManualRating;
import dev.acd.recorder.scorecard.MergedScore;
import dev.acd.recorder.scorecard.QaScore;
import dev.acd.recorder.scorecard.ReviewPolicy;
import dev.acd.recorder.scorecard.Scorecard;
import dev.acd.recorder.scorecard.ScorecardBook;
import dev.acd.recorder.scoring.RecordingScorer;
import dev.acd.recorder.scoring.ScoredCall;
import dev.acd.recorder.scoring.ScoringPace;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scores every recorded call from the journal: it tails the journal, joins each call's facts (queue, segment, rep,
 * ring, hold, talk, wrap, transfers, disposition), and when a {@code RecordingReady} arrives scores the recording
 * on the scorecard of the call's queue or segment, on a bounded worker pool off the call path. It publishes
 * {@code QaScored} and, for calls the review policy picks, {@code QaReviewRequested}; the review queue and
 * supervisors' ratings ({@link #rate}) are derived from and go back to the journal.
 *
 * <p>Scoring waits for the rep's wrap-up to end (up to {@code waitForWrapUpMs} of journal time) when the
 * scorecard scores wrap-up facts. Where scoring stands is saved in {@code checkpointFile}: after a restart the
 * service reads the journal from its start (to rebuild the review queue) and scores only recordings not scored
 * before, logging its progress while it works off the backlog.
 *
 * <p>Threading: one tailer thread reads the journal and owns the call facts; {@code workers} threads analyse; the
 * review queue and {@link #rate} are safe from any thread. Start with {@link #start()}, stop with {@link #close()}.
 */
public final class QaService implements AutoCloseable {
    /** Where and how the service works; {@code pace} says how long a worker rests after each recording. */
    public record Options(int workers, long waitForWrapUpMs, Path checkpointFile, ScoringPace pace) {
        /** Workers that never rest. */
        public Options(int workers, long waitForWrapUpMs, Path checkpointFile) {
            this(workers, waitForWrapUpMs, checkpointFile, ScoringPace.FLAT_OUT);
        }

        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("QA workers must be at least 1, got " + workers);
            }
            if (waitForWrapUpMs < 0) {
                throw new IllegalArgumentException("waitForWrapUpMs must be 0 or more, got " + waitForWrapUpMs);
            }
            Objects.requireNonNull(checkpointFile, "checkpointFile");
            Objects.requireNonNull(pace, "pace");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(QaService.class);
    /** Calls without a recording are forgotten after this much journal time without an event. */
    private static final long FORGET_AFTER_MS = 3_600_000L;
    private static final long SWEEP_EVERY_MS = 60_000L;
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SAVE_EVERY_MS = 200;
    private static final long PROGRESS_LOG_EVERY_MS = 5_000;
    /** Recordings handed to the workers at most at once per worker, so the tailer does not read far ahead. */
    private static final int IN_FLIGHT_PER_WORKER = 4;

    private final Journal journal;
    private final EventPublisher publisher;
    private final ScorecardBook scorecards;
    private final Clock clock;
    private final Options options;
    private final RecordingScorer scorer;
    private final ReviewBook reviews = new ReviewBook();
    private final CallFactsTracker tracker = new CallFactsTracker(FORGET_AFTER_MS);
    private final ConcurrentLinkedQueue<Long> completions = new ConcurrentLinkedQueue<>();
    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final Thread tailer;
    private volatile boolean running;
    private volatile boolean caughtUp;

    // Owned by the tailer thread (then by close(), after joining it).
    private QaCheckpoint checkpoint;
    private final Map<Long, TrackedCall> pending = new LinkedHashMap<>();
    private final Map<Long, TrackedCall> inFlight = new HashMap<>();
    /** Scored calls by the journal index of their recording, for the checkpoint. */
    private final Map<Long, Long> done = new HashMap<>();
    private long lastReadIndex = Long.MIN_VALUE;
    private volatile long eventsRead;
    private long eventNow = Long.MIN_VALUE;
    private long nextSweepAt = Long.MIN_VALUE;
    private boolean dirty;
    private long lastSavedAt;

    public QaService(Journal journal, EventPublisher publisher, ScorecardBook scorecards, ReviewPolicy review,
                     CallAnalyzer analyzer, Clock clock, Options options) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.scorecards = Objects.requireNonNull(scorecards, "scorecards");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.scorer = new RecordingScorer(analyzer, review, clock, options.workers(), options.pace(), new Results());
        this.tailer = new Thread(this::run, "qa-tailer");
        this.tailer.setDaemon(true);
    }

    /** Starts tailing the journal from where the checkpoint says. */
    public void start() {
        checkpoint = QaCheckpoint.load(options.checkpointFile());
        done.putAll(checkpoint.done());
        running = true;
        tailer.start();
    }

    /** Registers the gauges {@code acd.qa.backlog}, {@code acd.qa.scored} and {@code acd.qa.failed}. */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("acd.qa.backlog", backlog, AtomicLong::get)
                .description("recordings announced and not yet scored").register(registry);
        Gauge.builder("acd.qa.scored", scored, AtomicLong::get)
                .description("recordings scored since start").register(registry);
        Gauge.builder("acd.qa.failed", failed, AtomicLong::get)
                .description("recordings that could not be scored since start").register(registry);
    }

    /** Events read from the journal since start, from its first event on; for the server's journal-lag meter. */
    public long eventsRead() {
        return eventsRead;
    }

    public QaProgress progress() {
        return new QaProgress(backlog.get(), scored.get(), failed.get(), caughtUp);
    }

    /** The calls waiting for a supervisor's review, oldest request first (then by call id). */
    public List<ReviewItem> openReviews() {
        return reviews.open();
    }

    /**
     * Records a supervisor's ratings of a scored call: merges them into the call's score as its scorecard weighs
     * them, publishes {@code QaRated} (which closes the call's review) and returns it.
     *
     * @throws IllegalArgumentException naming what is wrong: no supervisor or ratings, a call that does not exist
     *                                  or was not scored yet, a criterion the call's scorecard does not rate by
     *                                  hand, a criterion rated twice (ratings out of 1-5 fail in {@link ManualRating})
     */
    public QaRated rate(long callId, String supervisorId, List<ManualRating> ratings) {
        if (supervisorId == null || supervisorId.isBlank()) {
            throw new IllegalArgumentException("a rating needs the supervisor who gives it");
        }
        if (ratings == null || ratings.isEmpty()) {
            throw new IllegalArgumentException("call " + callId + ": no ratings given");
        }
        ScoredCallRecord call = reviews.scored(callId);
        if (call == null) {
            throw new IllegalArgumentException("call " + callId + " has no automatic QA score in the journal "
                    + "(unknown call, or not scored yet)");
        }
        Scorecard card = scorecards.named(call.scorecard()).orElseThrow(() -> new IllegalArgumentException(
                "call " + callId + " was scored on scorecard '" + call.scorecard() + "', which is not configured now"));
        for (ManualRating r : ratings) {
            if (!card.manualCriteria().contains(r.criterion())) {
                throw new IllegalArgumentException("call " + callId + ": scorecard '" + card.name()
                        + "' does not rate '" + r.criterion() + "' by hand; it rates " + card.manualCriteria());
            }
        }
        MergedScore merged = MergedScore.of(new QaScore(card.name(), call.score(), List.of()), ratings,
                card.manualShare());
        List<QaRating> journaled = new ArrayList<>(ratings.size());
        for (ManualRating r : ratings) {
            journaled.add(new QaRating(r.criterion(), r.rating(), r.comment()));
        }
        QaRated event = new QaRated(clock.millis(), callId, call.repId(), supervisorId, card.name(),
                merged.rounded(), journaled);
        publisher.publish(event);
        return event;
    }

    /** Stops reading, lets queued recordings finish (up to a minute), and saves the checkpoint. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (tailer.isAlive()) {
            tailer.join();
        }
        scorer.close();
        drainCompletions();
        if (checkpoint != null) {
            saveCheckpoint();
        }
    }

    private void run() {
        long startedAt = clock.millis();
        long lastLogAt = startedAt;
        long read = 0;
        try (JournalReader reader = journal.readFromStart()) {
            while (running) {
                drainCompletions();
                if (inFlight.size() >= options.workers() * IN_FLIGHT_PER_WORKER) {
                    maybeSaveCheckpoint();
                    LockSupport.parkNanos(IDLE_PARK_NS);
                    continue;
                }
                Event event = reader.next();
                if (event == null) {
                    if (!caughtUp) {
                        caughtUp = true;
                        LOG.info("QA caught up with the journal: {} events read, {} recordings scored, {} failed, "
                                + "{} waiting", read, scored.get(), failed.get(), backlog.get());
                    }
                    expirePending(Math.max(eventNow, clock.millis()));
                    maybeSaveCheckpoint();
                    LockSupport.parkNanos(IDLE_PARK_NS);
                    continue;
                }
                read++;
                eventsRead = read;
                lastReadIndex = reader.lastReadIndex();
                apply(event, lastReadIndex);
                if (!caughtUp && clock.millis() - lastLogAt >= PROGRESS_LOG_EVERY_MS) {
                    lastLogAt = clock.millis();
                    LOG.info("QA working off the journal backlog: {} events read, {} recordings scored, {} failed, "
                            + "{} waiting", read, scored.get(), failed.get(), backlog.get());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("QA stopped reading the journal; recordings are no longer scored", e);
        }
    }

    private void apply(Event event, long index) {
        eventNow = Math.max(eventNow, event.at());
        reviews.apply(event);
        TrackedCall call = tracker.apply(event, index);
        if (call != null) {
            if (event instanceof RecordingReady) {
                recordingReady(call, index);
            } else if (pending.containsKey(call.callId) && ready(call)) {
                submit(call);
            }
        }
        if (eventNow >= nextSweepAt) {
            nextSweepAt = eventNow + SWEEP_EVERY_MS;
            expirePending(eventNow);
            tracker.sweep(eventNow);
            dirty = true;
        }
    }

    private void recordingReady(TrackedCall call, long index) {
        if (checkpoint.scored(index, call.callId) || done.containsKey(call.callId) || reviews.isScored(call.callId)) {
            tracker.forget(call.callId);
            return;
        }
        pending.put(call.callId, call);
        backlog.incrementAndGet();
        if (ready(call)) {
            submit(call);
        }
    }

    private boolean ready(TrackedCall call) {
        return call.wrapDone() || options.waitForWrapUpMs() == 0
                || !scorecards.forCall(call.queueId, call.segment).needsWrapUp();
    }

    private void expirePending(long now) {
        List<TrackedCall> due = new ArrayList<>();
        for (TrackedCall call : pending.values()) {
            if (call.recording.at() + options.waitForWrapUpMs() <= now) {
                due.add(call);
            }
        }
        due.forEach(this::submit);
    }

    private void submit(TrackedCall call) {
        pending.remove(call.callId);
        tracker.forget(call.callId);
        inFlight.put(call.callId, call);
        Scorecard card = scorecards.forCall(call.queueId, call.segment);
        scorer.submit(call.recording, call.repId, card, call.facts());
    }

    private void drainCompletions() {
        for (Long callId = completions.poll(); callId != null; callId = completions.poll()) {
            TrackedCall call = inFlight.remove(callId);
            if (call != null) {
                done.put(callId, call.recordingIndex);
                backlog.decrementAndGet();
                dirty = true;
            }
        }
    }

    private void maybeSaveCheckpoint() {
        long now = clock.millis();
        if (dirty && now - lastSavedAt >= SAVE_EVERY_MS) {
            saveCheckpoint();
            lastSavedAt = now;
        }
    }

    private void saveCheckpoint() {
        long lowWater = tracker.oldestFirstIndex(lastReadIndex == Long.MIN_VALUE ? checkpoint.lowWater()
                : lastReadIndex + 1);
        for (TrackedCall call : inFlight.values()) {
            lowWater = Math.min(lowWater, call.firstIndex);
        }
        // Never move back behind what an earlier run had already settled.
        long settled = Math.max(lowWater, checkpoint.lowWater());
        done.values().removeIf(index -> index < settled);
        QaCheckpoint next = new QaCheckpoint(settled, done);
        next.save(options.checkpointFile());
        checkpoint = next;
        dirty = false;
    }

    /** Worker-thread results: publish, then tell the tailer the call is done. */
    private final class Results implements RecordingScorer.Listener {
        @Override
        public void scored(ScoredCall call) {
            try {
                publisher.publish(call.event());
                if (!call.review().isEmpty()) {
                    publisher.publish(new QaReviewRequested(call.event().at(), call.recording().callId(),
                            call.event().repId(), call.event().scorecard(), call.event().score(), call.review()));
                }
                scored.incrementAndGet();
            } finally {
                completions.add(call.recording().callId());
            }
        }

        @Override
        public void failed(RecordingReady recording, Exception failure) {
            failed.incrementAndGet();
            LOG.warn("QA could not score call {}: {}", recording.callId(), failure.getMessage());
            completions.add(recording.callId());
        }
    }
}

package dev.acd.recorder.qa;

import static dev.acd.recorder.analysis.SyntheticCall.CUSTOMER;
import static dev.acd.recorder.analysis.SyntheticCall.REP;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Party;
import dev.acd.core.event.QaCriterionScore;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaReviewReason;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.Direction;
import dev.acd.core.model.QaMeasure;
import dev.acd.core.time.ManualClock;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.analysis.SyntheticCall;
import dev.acd.recorder.scorecard.Band;
import dev.acd.recorder.scorecard.Criterion;
import dev.acd.recorder.scorecard.ManualRating;
import dev.acd.recorder.scorecard.ReviewPolicy;
import dev.acd.recorder.scorecard.Scorecard;
import dev.acd.recorder.scorecard.ScorecardBook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class QaServiceTest {
    private static final long T0 = 1_795_000_000_000L;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** New sales: listening and a prompt answer. */
    private static final Scorecard SALES = new Scorecard("sales-card", List.of(
            new Criterion("listening", QaMeasure.REP_TALK_RATIO, 3, List.of(new Band(0.2, 0.7, 100))),
            new Criterion("quick answer", QaMeasure.RING_TIME_S, 1, List.of(new Band(0, 5, 100),
                    new Band(5, Double.POSITIVE_INFINITY, 20)))), Scorecard.DEFAULT_MANUAL_CRITERIA, 0.5, 0);
    /** Renewals: listening, hold and a recorded outcome, so scoring waits for the wrap-up. */
    private static final Scorecard RENEWALS = new Scorecard("renewal-card", List.of(
            new Criterion("listening", QaMeasure.REP_TALK_RATIO, 5, List.of(new Band(0.2, 0.55, 100))),
            new Criterion("hold", QaMeasure.HOLD_TIME_S, 1, List.of(new Band(0, 10, 100), new Band(10, 60, 50))),
            new Criterion("outcome recorded", QaMeasure.DISPOSITION_RECORDED, 1, List.of(new Band(1, 2, 100)))),
            List.of("product-knowledge", "empathy"), 0.5, 300_000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0);
    private Journal journal;
    private JournalWriterThread writer;
    private Path good;

    @BeforeEach
    void openJournal() throws IOException {
        journal = Journal.open(new JournalSettings(dir.resolve("journal"), JournalSettings.KEEP_FOREVER), clock);
        writer = new JournalWriterThread(journal);
        // Customer left, rep right: a lively 20 s conversation, the rep talking about 40 % of the time.
        good = new SyntheticCall(8_000, 20_000, 1)
                .say(REP, 500, 3_000, -20, 120).say(CUSTOMER, 3_500, 7_500, -24, 210)
                .say(REP, 8_000, 11_000, -20, 120).say(CUSTOMER, 11_500, 16_500, -24, 210)
                .say(REP, 17_000, 19_000, -20, 120)
                .noise(CUSTOMER, -60).noise(REP, -60).write(dir.resolve("good.wav"));
    }

    @AfterEach
    void closeJournal() {
        writer.close();
        journal.close();
    }

    private QaService service() {
        ScorecardBook book = new ScorecardBook(List.of(
                new ScorecardBook.Entry(SALES, Set.of("sales"), Set.of()),
                new ScorecardBook.Entry(RENEWALS, Set.of("renewals"), Set.of())), "sales-card");
        return new QaService(journal, writer, book, new ReviewPolicy(50, 15_000, true), new CallAnalyzer(), clock,
                new QaService.Options(2, 120_000, dir.resolve("qa-checkpoint")));
    }

    /** A call answered by {@code repId} after ringing 3 s, held 4 s, with its wrap-up and disposition. */
    private void call(long at, long callId, String queueId, String repId, Path recording, boolean disposition) {
        writer.publish(new CallArrived(at, callId, Direction.INBOUND, queueId, "+15550100", "+15550999", null));
        writer.publish(new CallClassified(at, callId, null, "smb", 0, null, null, null, null, queueId, 1, List.of()));
        writer.publish(new CallQueued(at, callId, queueId, 1));
        writer.publish(new CallOffered(at + 1_000, callId, repId, queueId, 1, null));
        writer.publish(new CallAnswered(at + 4_000, callId, repId));
        writer.publish(new CallHeld(at + 10_000, callId));
        writer.publish(new CallResumed(at + 14_000, callId));
        writer.publish(new CallEnded(at + 24_000, callId, Party.CUSTOMER, "BYE"));
        writer.publish(new WrapUpStarted(at + 24_000, repId, callId, at + 54_000));
        writer.publish(new RecordingReady(at + 24_500, callId, recording.toString(), 20_000));
        if (disposition) {
            writer.publish(new DispositionRecorded(at + 30_000, callId, repId, "won", 120_000, ""));
        }
        writer.publish(new WrapUpEnded(at + 34_000, repId, callId));
    }

    private Map<Long, QaScored> scores() {
        return writer.all(QaScored.class).stream().collect(Collectors.toMap(QaScored::callId, Function.identity()));
    }

    @Test
    void shouldScoreARecordedCallOnItsQueuesScorecardWithTheJournalsFactsAndPublishQaScored() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (QaService qa = service()) {
            qa.bindTo(registry);
            qa.start();
            call(T0, 1, "renewals", "ann", good, true);
            call(T0 + 60_000, 2, "sales", "bob", good, false);
            await().atMost(PATIENCE).until(() -> scores().size() == 2);
            await().atMost(PATIENCE).until(() -> qa.progress().backlog() == 0);
            assertEquals(2.0, registry.get("acd.qa.scored").gauge().value());
            assertEquals(0.0, registry.get("acd.qa.backlog").gauge().value());
        }
        QaScored renewal = scores().get(1L);
        assertEquals("renewal-card", renewal.scorecard());
        assertEquals("ann", renewal.repId());
        assertEquals(List.of(new QaCriterionScore("listening", 100), new QaCriterionScore("hold", 100),
                new QaCriterionScore("outcome recorded", 100)), renewal.criteria(),
                "the disposition came after the recording, so scoring waited for the wrap-up");
        assertEquals(100, renewal.score());
        QaScored sale = scores().get(2L);
        assertEquals("sales-card", sale.scorecard());
        assertEquals(new QaCriterionScore("quick answer", 100), sale.criteria().get(1), "rang 3 s");
        assertTrue(writer.all(QaReviewRequested.class).isEmpty(), "good calls need no review");
    }

    @Test
    void shouldPickUpTheBacklogAfterARestartWithoutScoringAnyCallTwice() throws Exception {
        try (QaService qa = service()) {
            qa.start();
            call(T0, 1, "sales", "ann", good, true);
            await().atMost(PATIENCE).until(() -> scores().size() == 1);
        }
        // While QA is down, two more calls are recorded.
        call(T0 + 60_000, 2, "sales", "bob", good, true);
        call(T0 + 120_000, 3, "renewals", "cy", good, true);
        try (QaService qa = service()) {
            qa.start();
            await().atMost(PATIENCE).until(() -> scores().size() == 3);
            await().atMost(PATIENCE).until(() -> qa.progress().caughtUp() && qa.progress().backlog() == 0);
            assertEquals(2, qa.progress().scored(), "only the backlog was scored after the restart");
        }
        try (QaService qa = service()) {
            qa.start();
            await().atMost(PATIENCE).until(() -> qa.progress().caughtUp());
            assertEquals(0, qa.progress().scored());
        }
        assertEquals(3, writer.all(QaScored.class).size(), "one score per call: " + writer.all(QaScored.class));
    }

    @Test
    void shouldSendLowScoresOneWayAudioAndLongDeadAirToReviewOldestFirst() throws Exception {
        Path monologue = new SyntheticCall(8_000, 20_000, 2)
                .say(REP, 300, 19_500, -20, 120).say(CUSTOMER, 2_000, 3_000, -24, 210)
                .noise(CUSTOMER, -60).noise(REP, -60).write(dir.resolve("monologue.wav"));
        Path oneWay = new SyntheticCall(8_000, 20_000, 3)
                .say(REP, 500, 3_000, -20, 120).say(REP, 6_000, 9_000, -20, 120)
                .noise(CUSTOMER, -55).noise(REP, -60).write(dir.resolve("one-way.wav"));
        Path deadAir = new SyntheticCall(8_000, 30_000, 4)
                .say(REP, 500, 3_000, -20, 120).say(CUSTOMER, 3_500, 6_000, -24, 210)
                .say(REP, 24_000, 27_000, -20, 120).say(CUSTOMER, 27_500, 29_500, -24, 210)
                .noise(CUSTOMER, -60).noise(REP, -60).write(dir.resolve("dead-air.wav"));
        try (QaService qa = service()) {
            qa.start();
            call(T0, 1, "sales", "ann", monologue, true);
            call(T0 + 60_000, 2, "sales", "bob", oneWay, true);
            call(T0 + 120_000, 3, "sales", "cy", deadAir, true);
            call(T0 + 180_000, 4, "sales", "dee", good, true);
            await().atMost(PATIENCE).until(() -> qa.openReviews().size() == 3 && scores().size() == 4);
            List<ReviewItem> open = qa.openReviews();
            assertEquals(List.of(1L, 2L, 3L), open.stream().map(ReviewItem::callId).toList());
            assertTrue(open.get(0).reasons().contains(QaReviewReason.LOW_SCORE), open.get(0).toString());
            assertTrue(open.get(1).reasons().contains(QaReviewReason.ONE_WAY_AUDIO), open.get(1).toString());
            assertEquals(List.of(QaReviewReason.LONG_DEAD_AIR), open.get(2).reasons());
            assertEquals("bob", open.get(1).repId());
        }
    }

    @Test
    void shouldMergeAValidatedSupervisorRatingAndCloseTheReview() throws Exception {
        Path oneWay = new SyntheticCall(8_000, 20_000, 3)
                .say(REP, 500, 3_000, -20, 120).say(REP, 6_000, 9_000, -20, 120)
                .noise(CUSTOMER, -55).noise(REP, -60).write(dir.resolve("one-way.wav"));
        try (QaService qa = service()) {
            qa.start();
            call(T0, 1, "renewals", "ann", oneWay, true);
            await().atMost(PATIENCE).until(() -> qa.openReviews().size() == 1);
            int automatic = scores().get(1L).score();

            assertEquals("call 9 has no automatic QA score in the journal (unknown call, or not scored yet)",
                    assertThrows(IllegalArgumentException.class, () -> qa.rate(9, "sup-1",
                            List.of(new ManualRating("empathy", 4, "")))).getMessage());
            assertEquals("call 1: scorecard 'renewal-card' does not rate 'technical-knowledge' by hand; it rates "
                    + "[product-knowledge, empathy]", assertThrows(IllegalArgumentException.class,
                    () -> qa.rate(1, "sup-1", List.of(new ManualRating("technical-knowledge", 4, "")))).getMessage());
            assertEquals("empathy: rating 0 is not from 1 to 5", assertThrows(IllegalArgumentException.class,
                    () -> new ManualRating("empathy", 0, "")).getMessage());
            assertEquals("a rating needs the supervisor who gives it", assertThrows(IllegalArgumentException.class,
                    () -> qa.rate(1, " ", List.of(new ManualRating("empathy", 4, "")))).getMessage());

            QaRated rated = qa.rate(1, "sup-1", List.of(new ManualRating("empathy", 5, "calm on a bad line"),
                    new ManualRating("product-knowledge", 3, null)));
            // Manual mean (100 + 50) / 2 = 75, half of the merged score.
            assertEquals(Math.round(0.5 * automatic + 0.5 * 75), rated.score());
            assertEquals(List.of(new QaRating("empathy", 5, "calm on a bad line"),
                    new QaRating("product-knowledge", 3, "")), rated.ratings());
            assertEquals("ann", rated.repId());
            await().atMost(PATIENCE).until(() -> qa.openReviews().isEmpty());
            assertEquals(List.of(rated), writer.all(QaRated.class));
        }
    }
}

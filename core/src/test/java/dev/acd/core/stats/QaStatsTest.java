package dev.acd.core.stats;

import static dev.acd.core.stats.Fixtures.classified;
import static dev.acd.core.stats.Fixtures.config;
import static dev.acd.core.stats.Fixtures.offered;
import static dev.acd.core.stats.Fixtures.queue;
import static dev.acd.core.stats.Fixtures.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.Event;
import dev.acd.core.event.Party;
import dev.acd.core.event.QaCriterionScore;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaReviewReason;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.RepKind;

class QaStatsTest {
    /** Monday 2026-01-05 09:00 UTC: ISO week 2026-W02. */
    private static final long MONDAY = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();
    private static final long WEEK = 7 * 24 * 3600 * 1000L;
    private static final double EPS = 1e-9;

    private final List<Event> events = new ArrayList<>();

    /** A call answered by {@code repId} in {@code queueId} (segment {@code segment}), scored automatically. */
    private void scoredCall(long at, long callId, String repId, String queueId, String segment, int score,
                            int listening, int deadAir) {
        events.add(new CallArrived(at, callId, Direction.INBOUND, "main", "+15550100", "+15550999", null));
        events.add(classified(at, callId, segment, queueId));
        events.add(new CallQueued(at, callId, queueId, 1));
        events.add(offered(at + 1_000, callId, repId, queueId));
        events.add(new CallAnswered(at + 5_000, callId, repId));
        events.add(new CallEnded(at + 120_000, callId, Party.CUSTOMER, "BYE"));
        events.add(new WrapUpStarted(at + 120_000, repId, callId, at + 150_000));
        events.add(new WrapUpEnded(at + 150_000, repId, callId));
        events.add(new QaScored(at + 125_000, callId, repId, queueId + "-card", score, false, List.of(
                new QaCriterionScore("listening", listening), new QaCriterionScore("dead air", deadAir))));
    }

    private StatsProjection fed() {
        StatsProjection projection = new StatsProjection();
        events.sort((a, b) -> Long.compare(a.at(), b.at()));
        events.forEach(projection::apply);
        return projection;
    }

    @Test
    void shouldGroupQaScoresByRepAndByIsoWeekWithCriterionMeans() {
        events.add(config(MONDAY - 60_000, List.of(rep("ann", RepKind.INSIDE), rep("bob", RepKind.INSIDE)),
                List.of(queue("new-sales", 20, 5), queue("renewals", 20, 5))));
        scoredCall(MONDAY, 1, "ann", "new-sales", "smb", 80, 100, 60);
        scoredCall(MONDAY + 3_600_000, 2, "ann", "renewals", "enterprise", 50, 40, 60);
        scoredCall(MONDAY + 7_200_000, 3, "bob", "new-sales", "smb", 90, 100, 80);
        scoredCall(MONDAY + WEEK, 4, "ann", "new-sales", "smb", 70, 70, 100);
        events.add(new QaReviewRequested(MONDAY + 3_600_000 + 125_500, 2, "ann", "renewals-card", 50,
                List.of(QaReviewReason.LOW_SCORE)));
        // A supervisor rates call 2 on the next day: listening 4/5 (75 points), problem solving 2/5 (25 points).
        events.add(new QaRated(MONDAY + 24 * 3_600_000, 2, "ann", "sup-1", "renewals-card", 60, List.of(
                new QaRating("listening", 4, "better in the second half"), new QaRating("problem solving", 2, ""))));
        StatsProjection stats = fed();

        Report byRep = stats.report(Grouping.REP, MONDAY, MONDAY + 2 * WEEK);
        ReportRow ann = byRep.row("ann").orElseThrow();
        assertEquals(3, ann.value(Metric.QA_AUTOMATIC_SCORED));
        assertEquals((80 + 50 + 70) / 3.0, ann.value(Metric.QA_AUTOMATIC_SCORE_AVG), EPS);
        assertEquals(1, ann.value(Metric.QA_MANUAL_SCORED));
        assertEquals(60, ann.value(Metric.QA_MANUAL_SCORE_AVG), EPS);
        assertEquals(4, ann.value(Metric.QA_SCORED), "automatic and manual scores each count");
        assertEquals(1, ann.value(Metric.QA_REVIEWS_REQUESTED));
        assertEquals(1.0 / 3, ann.value(Metric.QA_REVIEW_RATE), EPS);
        assertEquals((100 + 40 + 70 + 75) / 4.0, ann.value("qa_criterion_listening"), EPS,
                "automatic points and the rating's points alike");
        assertEquals((60 + 60 + 100) / 3.0, ann.value("qa_criterion_dead_air"), EPS);
        assertEquals(25, ann.value("qa_criterion_problem_solving"), EPS);
        ReportRow bob = byRep.row("bob").orElseThrow();
        assertEquals(90, bob.value(Metric.QA_AUTOMATIC_SCORE_AVG), EPS);
        assertTrue(Double.isNaN(bob.value("qa_criterion_problem_solving")), "bob was never rated by hand");

        Report byWeek = stats.report(Grouping.WEEK, MONDAY, MONDAY + 2 * WEEK);
        assertEquals(List.of("2026-W02", "2026-W03"), byWeek.rows().stream().map(ReportRow::key).toList());
        ReportRow first = byWeek.row("2026-W02").orElseThrow();
        assertEquals(3, first.value(Metric.QA_AUTOMATIC_SCORED));
        assertEquals((80 + 50 + 90) / 3.0, first.value(Metric.QA_AUTOMATIC_SCORE_AVG), EPS);
        assertEquals(70, byWeek.row("2026-W03").orElseThrow().value(Metric.QA_AUTOMATIC_SCORE_AVG), EPS);

        Report bySegment = stats.report(Grouping.SEGMENT, MONDAY, MONDAY + 2 * WEEK);
        assertEquals(80, bySegment.row("smb").orElseThrow().value(Metric.QA_AUTOMATIC_SCORE_AVG), EPS,
                "(80 + 90 + 70) / 3");
        Report byQueue = stats.report(Grouping.QUEUE, MONDAY, MONDAY + 2 * WEEK);
        assertEquals(50, byQueue.row("renewals").orElseThrow().value(Metric.QA_AUTOMATIC_SCORE_AVG), EPS);
    }

    @Test
    void shouldNameCriterionColumnsInSnakeCaseAfterTheOutcomeColumns() {
        assertEquals("qa_criterion_talking_over_the_customer",
                Metric.qaCriterion("Talking over the customer").name());
        events.add(config(MONDAY - 60_000, List.of(rep("ann", RepKind.INSIDE)), List.of(queue("q", 20, 5))));
        scoredCall(MONDAY, 1, "ann", "q", "smb", 80, 100, 60);
        List<String> names = fed().report(Grouping.REP).columns().stream().map(Metric::name).toList();
        assertEquals(List.of("qa_criterion_dead_air", "qa_criterion_listening"),
                names.subList(names.size() - 2, names.size()));
    }
}

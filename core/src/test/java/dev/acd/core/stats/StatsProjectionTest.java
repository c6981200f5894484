package dev.acd.core.stats;

import static dev.acd.core.stats.Fixtures.classified;
import static dev.acd.core.stats.Fixtures.config;
import static dev.acd.core.stats.Fixtures.offered;
import static dev.acd.core.stats.Fixtures.queue;
import static dev.acd.core.stats.Fixtures.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.RepKind;

class StatsProjectionTest {
    /** 2026-01-05T09:00:00Z, the start of a 15-minute interval. */
    private static final long B = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();
    private static final double EPS = 1e-9;

    private static long s(double seconds) {
        return B + Math.round(seconds * 1000);
    }

    private static CallArrived inbound(double at, long callId) {
        return new CallArrived(s(at), callId, Direction.INBOUND, "main", "+15550100", "+15550999", null);
    }

    /**
     * One rep, one hour, four calls in queue "sales" (T = 20 s, short abandon 5 s).
     * Call 1 waits 10 s, talks 150 s plus 30 s hold, wraps 30 s; call 2 waits 45 s (one ring-no-answer), talks 100 s,
     * wraps 60 s; call 3 hangs up after 3 s (short); call 4 after 30 s. The rep takes a 300 s break.
     */
    private static List<Event> threeAnsweredScenario() {
        List<Event> events = new ArrayList<>();
        events.add(config(B, List.of(rep("r1", RepKind.INSIDE), rep("r2", RepKind.FIELD)),
                List.of(queue("sales", 20, 5), queue("support", 30, 5))));
        events.add(new RepLoggedIn(s(0), "r1"));
        events.add(new RepReady(s(0), "r1"));
        // call 1
        events.add(inbound(10, 1));
        events.add(classified(s(10), 1, "smb", "sales"));
        events.add(new CallQueued(s(10), 1, "sales", 1));
        events.add(offered(s(15), 1, "r1", "sales"));
        events.add(new CallAnswered(s(20), 1, "r1"));
        events.add(new CallHeld(s(60), 1));
        events.add(new CallResumed(s(90), 1));
        events.add(new CallEnded(s(200), 1, Party.CUSTOMER, "BYE"));
        events.add(new WrapUpStarted(s(200), "r1", 1, s(230)));
        events.add(new DispositionRecorded(s(210), 1, "r1", "won", 50_000, ""));
        events.add(new WrapUpEnded(s(230), "r1", 1));
        // call 2
        events.add(inbound(300, 2));
        events.add(classified(s(300), 2, "smb", "sales"));
        events.add(new CallQueued(s(300), 2, "sales", 1));
        events.add(offered(s(330), 2, "r1", "sales"));
        events.add(new OfferFailed(s(340), 2, "r1", OfferFailure.NO_ANSWER));
        events.add(new CallQueued(s(340), 2, "sales", 1)); // back at the head: still the same visit
        events.add(offered(s(340), 2, "r1", "sales"));
        events.add(new CallAnswered(s(345), 2, "r1"));
        events.add(new CallEnded(s(445), 2, Party.REP, "BYE"));
        events.add(new WrapUpStarted(s(445), "r1", 2, s(475)));
        events.add(new DispositionRecorded(s(450), 2, "r1", "No Interest", 0, ""));
        events.add(new WrapUpEnded(s(505), "r1", 2));
        // a break
        events.add(new RepNotReady(s(600), "r1", "break"));
        events.add(new RepReady(s(900), "r1"));
        // call 3: short abandon; call 4: abandon
        events.add(inbound(1000, 3));
        events.add(classified(s(1000), 3, "enterprise", "sales"));
        events.add(new CallQueued(s(1000), 3, "sales", 1));
        events.add(new CallAbandoned(s(1003), 3));
        events.add(inbound(1100, 4));
        events.add(classified(s(1100), 4, "smb", "sales"));
        events.add(new CallQueued(s(1100), 4, "sales", 1));
        events.add(new CallAbandoned(s(1130), 4));
        // QA scores come after the calls are over
        events.add(new QaScored(s(2000), 1, "r1", "sales-call", 80, false));
        events.add(new QaScored(s(2100), 2, "r1", "sales-call", 60, true));
        events.add(new RepLoggedOut(s(3600), "r1"));
        return events;
    }

    private static StatsProjection fed(List<Event> events) {
        StatsProjection projection = new StatsProjection();
        events.forEach(projection::apply);
        return projection;
    }

    @Test
    void shouldComputeHandWorkedFiguresForThreeAnsweredAndTwoAbandonedCalls() {
        StatsProjection projection = fed(threeAnsweredScenario());
        ReportRow total = projection.report(Grouping.QUEUE, B, B + 3_600_000).totals();

        assertEquals(4, total.value(Metric.CALLS));
        assertEquals(4, total.value(Metric.OFFERED));
        assertEquals(2, total.value(Metric.ANSWERED));
        assertEquals(1, total.value(Metric.ABANDONED));
        assertEquals(1, total.value(Metric.SHORT_ABANDONED));
        assertEquals(1, total.value(Metric.ANSWERED_WITHIN_SL));
        assertEquals(1.0 / 3, total.value(Metric.SERVICE_LEVEL), EPS, "1 within T / (4 offered - 1 short)");
        assertEquals(0.5, total.value(Metric.SERVICE_LEVEL_OF_ANSWERED), EPS);
        assertEquals(1.0 / 3, total.value(Metric.SERVICE_LEVEL_WITH_ABANDONED), EPS, "1 / (2 answered + 1 abandoned)");
        assertEquals(1.0 / 3, total.value(Metric.ABANDON_RATE), EPS);
        assertEquals(27.5, total.value(Metric.ASA), EPS, "(10 + 45) / 2");
        assertEquals(45, total.value(Metric.LONGEST_WAIT), EPS);
        assertEquals(2, total.value(Metric.HANDLED));
        assertEquals(250, total.value(Metric.TALK_TIME), EPS, "(180 - 30) + 100");
        assertEquals(125, total.value(Metric.AVG_TALK_TIME), EPS);
        assertEquals(30, total.value(Metric.HOLD_TIME), EPS);
        assertEquals(15, total.value(Metric.AVG_HOLD_TIME), EPS);
        assertEquals(90, total.value(Metric.WRAP_TIME), EPS);
        assertEquals(45, total.value(Metric.AVG_WRAP_TIME), EPS);
        assertEquals(370, total.value(Metric.HANDLE_TIME), EPS);
        assertEquals(185, total.value(Metric.AVG_HANDLE_TIME), EPS);
        assertEquals(3, total.value(Metric.OFFERS));
        assertEquals(1, total.value(Metric.RING_NO_ANSWER));
        assertEquals(0, total.value(Metric.OFFERS_REJECTED));
        assertEquals(3600, total.value(Metric.LOGGED_IN_TIME), EPS);
        assertEquals(300, total.value(Metric.NOT_READY_TIME), EPS);
        assertEquals(3300, total.value(Metric.AVAILABLE_TIME), EPS);
        assertEquals(370.0 / 3300, total.value(Metric.OCCUPANCY), EPS);
        assertEquals(2, total.value(Metric.DISPOSITIONS));
        assertEquals(50_000, total.value(Metric.REVENUE));
        assertEquals(1, total.value("outcome_won"));
        assertEquals(1, total.value("outcome_no_interest"));
        assertEquals(2, total.value(Metric.QA_SCORED));
        assertEquals(70, total.value(Metric.QA_SCORE_AVG), EPS);
        assertEquals(0, projection.openCalls(), "every call is over, so none is tracked any more");
    }

    @Test
    void shouldAttributeAnsweredCallsToTheRepAndItsKindButAbandonsOnlyToTheQueue() {
        StatsProjection projection = fed(threeAnsweredScenario());
        Report byRep = projection.report(Grouping.REP, B, B + 3_600_000);
        assertEquals(List.of("r1"), byRep.rows().stream().map(ReportRow::key).toList());
        ReportRow r1 = byRep.row("r1").orElseThrow();
        assertEquals(2, r1.value(Metric.HANDLED));
        assertEquals(0, r1.value(Metric.ABANDONED));
        assertEquals(0.5, r1.value(Metric.SERVICE_LEVEL_OF_ANSWERED), EPS);
        assertEquals(27.5, r1.value(Metric.ASA), EPS);
        assertEquals(370.0 / 3300, r1.value(Metric.OCCUPANCY), EPS);
        assertEquals(50_000, r1.value(Metric.REVENUE));
        assertEquals(4, byRep.totals().value(Metric.OFFERED), "the totals row is the whole center, not the rep sum");

        ReportRow inside = projection.report(Grouping.KIND, B, B + 3_600_000).row("INSIDE").orElseThrow();
        assertEquals(r1.values(), inside.values());

        ReportRow sales = projection.report(Grouping.QUEUE, B, B + 3_600_000).row("sales").orElseThrow();
        assertEquals(4, sales.value(Metric.OFFERED));
        assertEquals(1, sales.value(Metric.SHORT_ABANDONED));
        assertTrue(Double.isNaN(sales.value(Metric.OCCUPANCY)), "a queue has no rep time, so no occupancy");

        Report bySegment = projection.report(Grouping.SEGMENT, B, B + 3_600_000);
        assertEquals(List.of("enterprise", "smb"), bySegment.rows().stream().map(ReportRow::key).toList());
        assertEquals(3, bySegment.row("smb").orElseThrow().value(Metric.OFFERED));
        assertEquals(1, bySegment.row("enterprise").orElseThrow().value(Metric.SHORT_ABANDONED));
    }

    @Test
    void shouldCountCallsInTheirArrivalIntervalAndRepTimeWhereItPasses() {
        StatsProjection projection = fed(threeAnsweredScenario());
        Report byInterval = projection.report(Grouping.INTERVAL, B, B + 3_600_000);
        assertEquals(List.of("2026-01-05T09:00:00Z", "2026-01-05T09:15:00Z", "2026-01-05T09:30:00Z",
                        "2026-01-05T09:45:00Z"),
                byInterval.rows().stream().map(ReportRow::key).toList());
        ReportRow first = byInterval.rows().get(0);
        assertEquals(2, first.value(Metric.OFFERED));
        assertEquals(0.5, first.value(Metric.SERVICE_LEVEL), EPS);
        assertEquals(900, first.value(Metric.LOGGED_IN_TIME), EPS);
        assertEquals(300, first.value(Metric.NOT_READY_TIME), EPS);
        assertEquals(370.0 / 600, first.value(Metric.OCCUPANCY), EPS);
        assertEquals(2, first.value(Metric.QA_SCORED), "QA scored at 09:33 counts with the calls of 09:00");
        ReportRow second = byInterval.rows().get(1);
        assertEquals(2, second.value(Metric.OFFERED));
        assertEquals(0.0, second.value(Metric.SERVICE_LEVEL), EPS, "0 within T / (2 offered - 1 short)");
        assertEquals(900, byInterval.rows().get(3).value(Metric.LOGGED_IN_TIME), EPS);

        Report secondOnly = projection.report(Grouping.QUEUE, B + 900_000, B + 1_800_000);
        assertEquals(2, secondOnly.totals().value(Metric.CALLS));
        assertEquals(0, secondOnly.totals().value(Metric.HANDLED));

        Report byDay = projection.report(Grouping.DAY, B, B + 3_600_000);
        assertEquals(List.of("2026-01-05"), byDay.rows().stream().map(ReportRow::key).toList());
        assertEquals(byDay.totals().values(), byDay.rows().get(0).values());
    }

    @Test
    void shouldCountRunningRepTimeUpToTheLatestEvent() {
        List<Event> events = threeAnsweredScenario();
        StatsProjection projection = new StatsProjection();
        for (Event e : events) {
            projection.apply(e);
            if (e instanceof CallQueued q && q.callId() == 4) {
                break;
            }
        }
        ReportRow total = projection.report(Grouping.REP).totals();
        assertEquals(1100, total.value(Metric.LOGGED_IN_TIME), EPS, "logged in at 0, latest event at 1100 s");
        assertEquals(300, total.value(Metric.NOT_READY_TIME), EPS);
        assertEquals(370.0 / 800, total.value(Metric.OCCUPANCY), EPS);
        assertEquals(1, projection.openCalls(), "call 4 is still waiting");
    }

    @Test
    void shouldCountATransferredCallAsANewVisitInItsNewQueueButOneOfferInTheTotals() {
        StatsProjection projection = new StatsProjection();
        List<Event> events = List.of(
                config(B, List.of(rep("r1", RepKind.INSIDE), rep("r2", RepKind.FIELD)),
                        List.of(queue("sales", 20, 5), queue("support", 30, 5))),
                inbound(0, 10), classified(s(0), 10, "smb", "sales"), new CallQueued(s(0), 10, "sales", 1),
                offered(s(1), 10, "r1", "sales"), new CallAnswered(s(5), 10, "r1"),
                new CallTransferred(s(65), 10, "r1", TransferTarget.QUEUE, "support"),
                new WrapUpStarted(s(65), "r1", 10, s(95)),
                new CallQueued(s(65), 10, "support", 1),
                offered(s(70), 10, "r2", "support"), new CallAnswered(s(100), 10, "r2"),
                new WrapUpEnded(s(95), "r1", 10),
                new CallEnded(s(200), 10, Party.CUSTOMER, "BYE"),
                new WrapUpStarted(s(200), "r2", 10, s(230)),
                new DispositionRecorded(s(210), 10, "r2", "won", 1_000, ""),
                new WrapUpEnded(s(230), "r2", 10));
        events.forEach(projection::apply);

        Report byQueue = projection.report(Grouping.QUEUE, B, B + 900_000);
        ReportRow sales = byQueue.row("sales").orElseThrow();
        ReportRow support = byQueue.row("support").orElseThrow();
        assertEquals(1, sales.value(Metric.OFFERED));
        assertEquals(1, sales.value(Metric.ANSWERED_WITHIN_SL));
        assertEquals(1, sales.value(Metric.TRANSFERS));
        assertEquals(60, sales.value(Metric.TALK_TIME), EPS);
        assertEquals(1, support.value(Metric.OFFERED));
        assertEquals(0, support.value(Metric.ANSWERED_WITHIN_SL), "35 s in support is over its 30 s target");
        assertEquals(35, support.value(Metric.ASA), EPS);
        assertEquals(100, support.value(Metric.TALK_TIME), EPS);
        assertEquals(1_000, support.value(Metric.REVENUE));
        assertEquals(1, byQueue.totals().value(Metric.CALLS));
        assertEquals(1, byQueue.totals().value(Metric.OFFERED), "the customer's call was offered once");
        assertEquals(2, byQueue.totals().value(Metric.HANDLED));

        Report byKind = projection.report(Grouping.KIND, B, B + 900_000);
        assertEquals(30, byKind.row("INSIDE").orElseThrow().value(Metric.WRAP_TIME), EPS);
        assertEquals(1, byKind.row("FIELD").orElseThrow().value(Metric.HANDLED));
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldReportOutboundCallsUnderDirectionAndRepButNoQueue() {
        StatsProjection projection = new StatsProjection();
        List<Event> events = List.of(
                config(B, List.of(rep("r1", RepKind.INSIDE)), List.of(queue("sales", 20, 5))),
                new CallArrived(s(0), 20, Direction.OUTBOUND, null, "+15550999", "+15550100", "r1"),
                classified(s(0), 20, "smb", null),
                new CallAnswered(s(10), 20, "r1"),
                new CallEnded(s(70), 20, Party.REP, "BYE"),
                new WrapUpStarted(s(70), "r1", 20, s(100)),
                new WrapUpEnded(s(100), "r1", 20));
        events.forEach(projection::apply);

        Report byDirection = projection.report(Grouping.DIRECTION, B, B + 900_000);
        ReportRow outbound = byDirection.row("OUTBOUND").orElseThrow();
        assertEquals(1, outbound.value(Metric.CALLS));
        assertEquals(1, outbound.value(Metric.HANDLED));
        assertEquals(0, outbound.value(Metric.OFFERED));
        assertEquals(60, outbound.value(Metric.TALK_TIME), EPS);
        assertEquals(90, outbound.value(Metric.HANDLE_TIME), EPS);
        assertFalse(byDirection.row("INBOUND").isPresent());
        assertTrue(projection.report(Grouping.QUEUE, B, B + 900_000).rows().isEmpty());
        assertEquals(1, projection.report(Grouping.REP, B, B + 900_000).row("r1").orElseThrow().value(Metric.CALLS));
        assertEquals(1, projection.report(Grouping.SEGMENT, B, B + 900_000).row("smb").orElseThrow()
                .value(Metric.HANDLED));
    }

    @Test
    void shouldKeyIntervalsAndDaysInTheGivenZone() {
        long lateEvening = Instant.parse("2026-01-06T02:05:00Z").toEpochMilli(); // 21:05 the day before in New York
        List<Event> events = List.of(
                config(lateEvening, List.of(rep("r1", RepKind.INSIDE)), List.of(queue("sales", 20, 5))),
                new CallArrived(lateEvening, 30, Direction.INBOUND, "main", "a", "b", null),
                new CallQueued(lateEvening, 30, "sales", 1),
                new CallAbandoned(lateEvening + 60_000, 30));
        StatsProjection newYork = new StatsProjection(ZoneId.of("America/New_York"));
        StatsProjection utc = new StatsProjection();
        events.forEach(newYork::apply);
        events.forEach(utc::apply);

        assertEquals("2026-01-05", newYork.report(Grouping.DAY).rows().get(0).key());
        assertEquals("2026-01-06", utc.report(Grouping.DAY).rows().get(0).key());
        assertEquals("2026-01-05T21:00:00-05:00", newYork.report(Grouping.INTERVAL).rows().get(0).key());
    }

    @Test
    void shouldWidenARangeToWholeIntervalsAndRejectAnEmptyOne() {
        StatsProjection projection = fed(threeAnsweredScenario());
        Report report = projection.report(Grouping.QUEUE, B + 60_000, B + 960_000);
        assertEquals(B, report.fromAt());
        assertEquals(B + 1_800_000, report.toAtExclusive());
        assertEquals(4, report.totals().value(Metric.OFFERED));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> projection.report(Grouping.REP, B, B));
        assertTrue(error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void shouldGiveEveryColumnAStableSnakeCaseNameAndAUnit() {
        Report report = fed(threeAnsweredScenario()).report(Grouping.REP);
        for (Metric metric : report.columns()) {
            assertTrue(metric.name().matches("[a-z][a-z0-9_]*"), metric.name());
        }
        assertEquals(Metric.STANDARD.size() + 2, report.columns().size(), "two outcome columns follow the standard ones");
        assertEquals("outcome_no_interest", report.columns().get(Metric.STANDARD.size()).name());
        assertEquals(MetricUnit.SECONDS, Metric.ASA.unit());
        assertEquals(MetricUnit.RATIO, Metric.SERVICE_LEVEL.unit());
        assertEquals(MetricUnit.CENTS, Metric.REVENUE.unit());
        assertEquals("outcome_quote_sent", Metric.outcome("Quote--Sent ").name());
    }
}

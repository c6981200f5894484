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

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.RepKind;

/** Calls that visit several queues, calls the router ends at max wait, and rep log-in state. */
class StatsProjectionCallsTest {
    private static final long B = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();
    private static final long QUARTER = 900_000;
    private static final double EPS = 1e-9;

    private final List<Event> events = new ArrayList<>(List.of(
            config(B, List.of(rep("r1", RepKind.INSIDE), rep("r2", RepKind.FIELD)),
                    List.of(queue("sales", 20, 5), queue("support", 30, 5), queue("partners", 60, 10)))));

    private static long s(double seconds) {
        return B + Math.round(seconds * 1000);
    }

    /** An inbound "smb" call arriving at {@code at} s and queued in {@code queueId} at once. */
    private void arrivesIn(double at, long callId, String queueId) {
        events.add(new CallArrived(s(at), callId, Direction.INBOUND, "main", "+15550100", "+15550999", null));
        events.add(classified(s(at), callId, "smb", queueId));
        events.add(new CallQueued(s(at), callId, queueId, 1));
    }

    private void overflows(double at, long callId, String from, String to) {
        events.add(new MaxWaitReached(s(at), callId, from, MaxWaitAction.OVERFLOW));
        events.add(new CallQueued(s(at), callId, to, 1));
    }

    private void answeredAndDone(double at, long callId, String repId, String queueId) {
        events.add(offered(s(at - 1), callId, repId, queueId));
        events.add(new CallAnswered(s(at), callId, repId));
        events.add(new CallEnded(s(at + 60), callId, Party.CUSTOMER, "BYE"));
        events.add(new WrapUpStarted(s(at + 60), repId, callId, s(at + 90)));
        events.add(new WrapUpEnded(s(at + 70), repId, callId));
    }

    private StatsProjection fed() {
        StatsProjection projection = new StatsProjection();
        events.forEach(projection::apply);
        return projection;
    }

    private static ReportRow row(StatsProjection projection, Grouping by, String key) {
        return projection.report(by, B, B + QUARTER).row(key).orElseThrow(() -> new AssertionError("no row " + key));
    }

    // ---- overflow and transfer: visits in queue rows, calls everywhere else

    @Test
    void shouldCountAnOverflowedCallOnceWithItsWaitFromTheFirstQueueOutsideQueueRows() {
        arrivesIn(0, 1, "sales");
        overflows(60, 1, "sales", "support");
        answeredAndDone(70, 1, "r1", "support");
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(1, total.value(Metric.OFFERED), "one call reached a queue");
        assertEquals(1, total.value(Metric.ANSWERED));
        assertEquals(70, total.value(Metric.ASA), EPS, "the caller waited from the first CallQueued");
        assertEquals(0, total.value(Metric.ANSWERED_WITHIN_SL), "70 s is over the first queue's 20 s");
        assertEquals(0.0, total.value(Metric.SERVICE_LEVEL), EPS);
        assertEquals(70, total.value(Metric.LONGEST_WAIT), EPS);
        for (Grouping by : List.of(Grouping.SEGMENT, Grouping.DIRECTION, Grouping.INTERVAL, Grouping.DAY)) {
            ReportRow only = projection.report(by, B, B + QUARTER).rows().get(0);
            assertEquals(1, only.value(Metric.OFFERED), by + " counts the call once");
            assertEquals(70, only.value(Metric.ASA), EPS, by + " wait");
        }
        ReportRow r1 = row(projection, Grouping.REP, "r1");
        assertEquals(1, r1.value(Metric.ANSWERED));
        assertEquals(70, r1.value(Metric.ASA), EPS, "the rep's answer is the call's first: the caller's whole wait");

        ReportRow sales = row(projection, Grouping.QUEUE, "sales");
        ReportRow support = row(projection, Grouping.QUEUE, "support");
        assertEquals(1, sales.value(Metric.OFFERED));
        assertEquals(0, sales.value(Metric.ANSWERED));
        assertEquals(0.0, sales.value(Metric.SERVICE_LEVEL), EPS, "the overflow counts against its first queue");
        assertEquals(1, support.value(Metric.OFFERED), "a visit per queue");
        assertEquals(10, support.value(Metric.ASA), EPS, "the support visit's own wait");
        assertEquals(1, support.value(Metric.ANSWERED_WITHIN_SL));
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldJudgeAnOverflowedCallAgainstTheTargetOfTheFirstQueueItReached() {
        arrivesIn(0, 1, "partners");
        overflows(40, 1, "partners", "sales");
        answeredAndDone(50, 1, "r1", "sales");
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(1, total.value(Metric.ANSWERED_WITHIN_SL), "50 s is within the partners queue's 60 s");
        assertEquals(1.0, total.value(Metric.SERVICE_LEVEL), EPS);
        assertEquals(1, row(projection, Grouping.QUEUE, "sales").value(Metric.ANSWERED_WITHIN_SL), "10 s in sales");
    }

    @Test
    void shouldCountAnAbandonAfterOverflowOnceWithTheWholeWait() {
        arrivesIn(0, 1, "sales");
        overflows(60, 1, "sales", "support");
        events.add(new CallAbandoned(s(63), 1));
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(1, total.value(Metric.OFFERED));
        assertEquals(1, total.value(Metric.ABANDONED), "63 s from the first queue: not short");
        assertEquals(0, total.value(Metric.SHORT_ABANDONED));
        assertEquals(1.0, total.value(Metric.ABANDON_RATE), EPS);
        assertEquals(63, total.value(Metric.LONGEST_WAIT), EPS);
        ReportRow support = row(projection, Grouping.QUEUE, "support");
        assertEquals(1, support.value(Metric.SHORT_ABANDONED), "3 s in support is a short abandon there");
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldCountATransferAfterAnswerAsANewQueueVisitButNotASecondOffer() {
        arrivesIn(0, 10, "sales");
        events.add(offered(s(1), 10, "r1", "sales"));
        events.add(new CallAnswered(s(5), 10, "r1"));
        events.add(new CallTransferred(s(65), 10, "r1", TransferTarget.QUEUE, "support"));
        events.add(new WrapUpStarted(s(65), "r1", 10, s(95)));
        events.add(new CallQueued(s(65), 10, "support", 1));
        answeredAndDone(100, 10, "r2", "support");
        events.add(new WrapUpEnded(s(95), "r1", 10));
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(1, total.value(Metric.OFFERED));
        assertEquals(1, total.value(Metric.ANSWERED));
        assertEquals(5, total.value(Metric.ASA), EPS);
        assertEquals(1.0, total.value(Metric.SERVICE_LEVEL), EPS);
        assertEquals(2, total.value(Metric.HANDLED), "both reps' legs are work done");
        assertEquals(1, total.value(Metric.TRANSFERS));
        assertEquals(1, row(projection, Grouping.SEGMENT, "smb").value(Metric.OFFERED));
        assertEquals(1, row(projection, Grouping.QUEUE, "support").value(Metric.OFFERED));
        assertEquals(35, row(projection, Grouping.QUEUE, "support").value(Metric.ASA), EPS);
        assertEquals(35, row(projection, Grouping.REP, "r2").value(Metric.ASA), EPS,
                "after a transfer the rep's wait is the new visit's");
        assertEquals(1, row(projection, Grouping.REP, "r2").value(Metric.ANSWERED));
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldCountAnAbandonWhileRingingAfterATransferToANamedRepInTheQueue() {
        arrivesIn(0, 10, "sales");
        events.add(new CallAnswered(s(5), 10, "r1"));
        events.add(new CallTransferred(s(65), 10, "r1", TransferTarget.REP, "r2"));
        events.add(new CallQueued(s(65), 10, "sales", 1)); // the router queues a transfer to a named rep
        events.add(offered(s(66), 10, "r2", "sales"));
        events.add(new CallAbandoned(s(80), 10));
        StatsProjection projection = fed();

        ReportRow sales = row(projection, Grouping.QUEUE, "sales");
        assertEquals(2, sales.value(Metric.OFFERED), "the first visit and the transfer's");
        assertEquals(1, sales.value(Metric.ABANDONED));
        assertEquals(1, sales.value(Metric.OFFERS), "r2's phone rang");
        assertEquals(0, projection.report(Grouping.QUEUE, B, B + QUARTER).totals().value(Metric.ABANDONED),
                "the customer's call was answered; the later hang-up shows in the queue row");
        assertEquals(0, row(projection, Grouping.REP, "r2").value(Metric.ABANDONED));
    }

    // ---- calls the router ends at max wait

    @Test
    void shouldCloseACallAtMaxWaitHangUpEvenWhenNoLaterEventComes() {
        arrivesIn(0, 1, "sales");
        events.add(new MaxWaitReached(s(120), 1, "sales", MaxWaitAction.HANG_UP));
        events.add(new Tick(s(130)));
        StatsProjection projection = fed();

        assertEquals(0, projection.openCalls());
        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(1, total.value(Metric.OFFERED));
        assertEquals(0, total.value(Metric.ANSWERED));
        assertEquals(0, total.value(Metric.ABANDONED) + total.value(Metric.SHORT_ABANDONED));
        assertEquals(0.0, total.value(Metric.SERVICE_LEVEL), EPS);
    }

    @Test
    void shouldCountNeitherAnAbandonNorTalkForTheSystemHangUpAfterMaxWait() {
        arrivesIn(0, 1, "sales");
        events.add(offered(s(118), 1, "r1", "sales"));
        events.add(new MaxWaitReached(s(120), 1, "sales", MaxWaitAction.HANG_UP));
        events.add(new CallAbandoned(s(121), 1)); // the caller hangs up during the goodbye
        events.add(new CallEnded(s(122), 1, Party.SYSTEM, "max wait"));
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(0, total.value(Metric.ABANDONED) + total.value(Metric.SHORT_ABANDONED));
        assertEquals(0, total.value(Metric.HANDLED));
        assertEquals(0, total.value(Metric.TALK_TIME), EPS);
        assertEquals(0, row(projection, Grouping.QUEUE, "sales").value(Metric.ABANDONED));
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldCountAMaxWaitCallbackOnceAndCloseTheCall() {
        arrivesIn(0, 1, "sales");
        events.add(new MaxWaitReached(s(120), 1, "sales", MaxWaitAction.CALLBACK));
        events.add(new CallbackRequested(s(125), 1, "+15550100"));
        events.add(new CallEnded(s(126), 1, Party.SYSTEM, "max wait"));
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(1, total.value(Metric.CALLBACKS_REQUESTED));
        assertEquals(1, row(projection, Grouping.QUEUE, "sales").value(Metric.CALLBACKS_REQUESTED));
        assertEquals(0, total.value(Metric.ANSWERED) + total.value(Metric.HANDLED));
        assertEquals(0, total.value(Metric.ABANDONED) + total.value(Metric.SHORT_ABANDONED));
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldCloseACallWhenTheCallerTakesACallbackEvenIfNoHangUpFollows() {
        arrivesIn(0, 1, "sales");
        events.add(new CallbackRequested(s(30), 1, "+15550100"));
        events.add(new Tick(s(40)));
        StatsProjection projection = fed();

        assertEquals(1, projection.report(Grouping.QUEUE, B, B + QUARTER).totals().value(Metric.CALLBACKS_REQUESTED));
        assertEquals(0, projection.openCalls());
    }

    @Test
    void shouldCountNoTalkTimeWhenTheSystemEndsACallNobodyAnswered() {
        arrivesIn(0, 1, "sales");
        events.add(offered(s(10), 1, "r1", "sales"));
        events.add(new CallEnded(s(15), 1, Party.SYSTEM, "trunk lost"));
        StatsProjection projection = fed();

        ReportRow total = projection.report(Grouping.QUEUE, B, B + QUARTER).totals();
        assertEquals(0, total.value(Metric.HANDLED));
        assertEquals(0, total.value(Metric.TALK_TIME), EPS);
        assertTrue(Double.isNaN(total.value(Metric.AVG_TALK_TIME)), "no conversation ended");
        assertEquals(0, total.value(Metric.ABANDONED) + total.value(Metric.SHORT_ABANDONED));
        assertEquals(0, projection.openCalls());
    }

    // ---- reps

    @Test
    void shouldNotLogARepBackInWhenReadyOrNotReadyComesAfterItLoggedOut() {
        events.add(new RepLoggedIn(s(0), "r1"));
        events.add(new RepReady(s(0), "r1"));
        events.add(new RepLoggedOut(s(300), "r1"));
        events.add(new RepReady(s(400), "r1"));
        events.add(new RepNotReady(s(500), "r1", "break"));
        events.add(new Tick(s(800)));
        ReportRow r1 = row(fed(), Grouping.REP, "r1");

        assertEquals(300, r1.value(Metric.LOGGED_IN_TIME), EPS, "only the shift counts");
        assertEquals(0, r1.value(Metric.NOT_READY_TIME), EPS);
    }

    @Test
    void shouldTakeReadyAsALogInForARepFirstSeenMidDay() {
        events.add(new RepReady(s(100), "r1"));
        events.add(new RepNotReady(s(200), "r2", "break"));
        events.add(new Tick(s(400)));
        StatsProjection projection = fed();

        assertEquals(300, row(projection, Grouping.REP, "r1").value(Metric.LOGGED_IN_TIME), EPS);
        assertEquals(200, row(projection, Grouping.REP, "r2").value(Metric.NOT_READY_TIME), EPS);
    }
}

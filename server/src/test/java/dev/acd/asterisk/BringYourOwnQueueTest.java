package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepEvent;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.time.Clock;

/**
 * Bring-your-own-queue mode over a scripted manager interface: app_queue's member and call events must give the rep
 * log-in, readiness and wrap-up our statistics need for handle time and occupancy.
 */
class BringYourOwnQueueTest {
    private static final String ASTERISK = String.join("\n",
            "asterisk:",
            "  ami: { enabled: true, host: 127.0.0.1, port: {amiPort}, user: acd, secret: test }",
            "  bringYourOwnQueue: true",
            "");
    /** An hour ahead, in Asterisk's seconds: later than the router's own configuration event, so rep time ends here. */
    private static final long T0 = Clock.SYSTEM.millis() / 1000 + 3600;

    @TempDir
    Path dir;
    private RouterFixture center;
    private FakeAmiServer ami;

    private void start(long wrapUpSweepMs) throws Exception {
        center = new RouterFixture(dir, ASTERISK, new AsteriskRuntime.Tuning(50, "default", 50, 400, 100,
                wrapUpSweepMs));
        ami = new FakeAmiServer(center.amiPort);
        ami.start();
        await().atMost(10, SECONDS).until(() -> center.asterisk.amiConnected() && ami.hasClient());
    }

    @AfterEach
    void stop() throws Exception {
        center.close();
        ami.close();
    }

    @Test
    void shouldCountTheQueuesWrapUpSecondsInHandleTimeAndOccupancy() throws Exception {
        start(60_000);
        memberAdded(T0, "anna", 0);
        answeredCall("q1", T0 + 10, T0 + 20, T0 + 80);
        // The queue's wrapUpSeconds (5, mirroring queues.conf's wrapuptime) is up at T0 + 85; the next event tells.
        ami.event("Event: QueueMemberStatus", "Timestamp: " + (T0 + 100), "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "StateInterface: PJSIP/anna", "Status: 1", "Paused: 0");

        await().atMost(5, SECONDS).until(() -> center.journaled(WrapUpEnded.class).size() == 1);
        long callId = center.journaled(CallAnswered.class).get(0).callId();
        assertEquals(List.of(new RepLoggedIn(ms(T0), "anna"), new RepReady(ms(T0), "anna"),
                new WrapUpStarted(ms(T0 + 80), "anna", callId, ms(T0 + 85)), new WrapUpEnded(ms(T0 + 85), "anna", callId)),
                repEvents("anna"), "Asterisk's times; the status event at T0 + 100 changes nothing else");

        ReportRow anna = center.stats().report(Grouping.REP).row("anna").orElseThrow();
        assertEquals(60, anna.value(Metric.TALK_TIME), 0.001);
        assertEquals(5, anna.value(Metric.WRAP_TIME), 0.001);
        assertEquals(65, anna.value(Metric.HANDLE_TIME), 0.001);
        // Logged in and ready from T0 to the journal's last event, the wrap-up's end at T0 + 85.
        assertEquals(85, anna.value(Metric.AVAILABLE_TIME), 0.001);
        assertEquals(65.0 / 85, anna.value(Metric.OCCUPANCY), 0.0001);
    }

    @Test
    void shouldUseTheMembersOwnWrapuptimeWhenItsEventsGiveOne() throws Exception {
        start(60_000);
        memberAdded(T0, "anna", 12);
        answeredCall("q1", T0 + 10, T0 + 20, T0 + 80);
        ami.event("Event: QueueCallerJoin", "Timestamp: " + (T0 + 200), "Uniqueid: q2", "Queue: sales",
                "CallerIDNum: +15550000", "Position: 1", "Count: 1");

        await().atMost(5, SECONDS).until(() -> center.journaled(WrapUpEnded.class).size() == 1);
        assertEquals(ms(T0 + 92), center.journaled(WrapUpEnded.class).get(0).at());
        assertEquals(12, center.stats().report(Grouping.REP).row("anna").orElseThrow().value(Metric.WRAP_TIME), 0.001);
    }

    @Test
    void shouldEndTheWrapUpWhenTheMemberPausesAndLogOutWhenRemoved() throws Exception {
        start(60_000);
        memberAdded(T0, "anna", 30);
        answeredCall("q1", T0 + 10, T0 + 20, T0 + 80);
        ami.event("Event: QueueMemberPause", "Timestamp: " + (T0 + 82), "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "Paused: 1", "PausedReason: admin");
        ami.event("Event: QueueMemberRemoved", "Timestamp: " + (T0 + 90), "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna");

        await().atMost(5, SECONDS).until(() -> !center.journaled(RepLoggedOut.class).isEmpty());
        long callId = center.journaled(CallAnswered.class).get(0).callId();
        assertEquals(List.of(new RepLoggedIn(ms(T0), "anna"), new RepReady(ms(T0), "anna"),
                new WrapUpStarted(ms(T0 + 80), "anna", callId, ms(T0 + 110)),
                new WrapUpEnded(ms(T0 + 82), "anna", callId), new RepNotReady(ms(T0 + 82), "anna", "admin"),
                new RepLoggedOut(ms(T0 + 90), "anna")), repEvents("anna"));

        ReportRow anna = center.stats().report(Grouping.REP).row("anna").orElseThrow();
        assertEquals(2, anna.value(Metric.WRAP_TIME), 0.001);
        assertEquals(90, anna.value(Metric.LOGGED_IN_TIME), 0.001);
        assertEquals(8, anna.value(Metric.NOT_READY_TIME), 0.001);
    }

    @Test
    void shouldStayLoggedInAndReadyWhileAMemberOfAnotherQueueUnpaused() throws Exception {
        start(60_000);
        memberAdded(T0, "anna", 0);
        ami.event("Event: QueueMemberAdded", "Timestamp: " + (T0 + 1), "Queue: renewals", "MemberName: anna",
                "Interface: PJSIP/anna", "StateInterface: PJSIP/anna", "Membership: dynamic", "Status: 1",
                "Paused: 0");
        ami.event("Event: QueueMemberPause", "Timestamp: " + (T0 + 2), "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "Paused: 1", "PausedReason: lunch");
        ami.event("Event: QueueMemberRemoved", "Timestamp: " + (T0 + 3), "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna");
        ami.event("Event: QueueMemberStatus", "Timestamp: " + (T0 + 4), "Queue: renewals", "MemberName: anna",
                "Interface: PJSIP/anna", "StateInterface: PJSIP/anna", "Status: 5", "Paused: 0");

        await().atMost(5, SECONDS).until(() -> !center.journaled(RepLoggedOut.class).isEmpty());
        assertEquals(List.of(new RepLoggedIn(ms(T0), "anna"), new RepReady(ms(T0), "anna"),
                new RepLoggedOut(ms(T0 + 4), "anna")), repEvents("anna"),
                "paused in one queue, still ready in the other; logged out only when the phone is unavailable");
    }

    @Test
    void shouldEndTheWrapUpAtItsTimeWhenNoEventComesAfterIt() throws Exception {
        start(20);
        double now = Clock.SYSTEM.millis() / 1000.0;
        ami.event("Event: QueueMemberAdded", "Timestamp: " + now, "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "StateInterface: PJSIP/anna", "Membership: dynamic", "Status: 1",
                "Paused: 0", "Wrapuptime: 1");
        ami.event("Event: QueueCallerJoin", "Timestamp: " + now, "Uniqueid: q1", "Queue: sales",
                "CallerIDNum: +14155550101", "Position: 1", "Count: 1");
        ami.event("Event: AgentConnect", "Timestamp: " + now, "Uniqueid: q1", "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "HoldTime: 0", "RingTime: 1");
        ami.event("Event: AgentComplete", "Timestamp: " + now, "Uniqueid: q1", "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "HoldTime: 0", "TalkTime: 0", "Reason: agent");

        await().atMost(5, SECONDS).until(() -> center.journaled(WrapUpEnded.class).size() == 1);
        WrapUpStarted started = center.journaled(WrapUpStarted.class).get(0);
        assertEquals(started.at() + 1_000, started.endsAt());
        assertEquals(started.endsAt(), center.journaled(WrapUpEnded.class).get(0).at());
    }

    private void memberAdded(long at, String member, int wrapuptime) throws Exception {
        ami.event("Event: QueueMemberAdded", "Timestamp: " + at, "Queue: sales", "MemberName: " + member,
                "Interface: PJSIP/" + member, "StateInterface: PJSIP/" + member, "Membership: dynamic",
                "Penalty: 0", "CallsTaken: 0", "LastCall: 0", "LastPause: 0", "InCall: 0", "Status: 1", "Paused: 0",
                "PausedReason: ", "Ringinuse: 0", "Wrapuptime: " + wrapuptime);
    }

    /** A caller joins, anna takes the call and the caller hangs up. */
    private void answeredCall(String uniqueId, long joined, long connected, long completed) throws Exception {
        ami.event("Event: QueueCallerJoin", "Timestamp: " + joined, "Uniqueid: " + uniqueId, "Queue: sales",
                "CallerIDNum: +14155550101", "Position: 1", "Count: 1");
        ami.event("Event: AgentCalled", "Timestamp: " + (connected - 3), "Uniqueid: " + uniqueId, "Queue: sales",
                "MemberName: anna", "Interface: PJSIP/anna");
        ami.event("Event: AgentConnect", "Timestamp: " + connected, "Uniqueid: " + uniqueId, "Queue: sales",
                "MemberName: anna", "Interface: PJSIP/anna", "HoldTime: " + (connected - joined), "RingTime: 3");
        ami.event("Event: AgentComplete", "Timestamp: " + completed, "Uniqueid: " + uniqueId, "Queue: sales",
                "MemberName: anna", "Interface: PJSIP/anna", "HoldTime: " + (connected - joined),
                "TalkTime: " + (completed - connected), "Reason: caller");
        await().atMost(5, SECONDS).until(() -> !center.journaled(CallEnded.class).isEmpty());
    }

    private List<Event> repEvents(String repId) {
        return center.journaled().stream()
                .filter(e -> e instanceof RepEvent r && r.repId().equals(repId) && !(e instanceof CallAnswered)).toList();
    }

    private static long ms(long seconds) {
        return seconds * 1000;
    }
}

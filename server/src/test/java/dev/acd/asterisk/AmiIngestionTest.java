package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.time.Clock;

/** A scripted manager interface replays Asterisk's events; the journal and the statistics from it must follow. */
class AmiIngestionTest {
    private static final String ASTERISK = String.join("\n",
            "asterisk:",
            "  fastagi: { enabled: true, bind: 127.0.0.1, port: {agiPort} }",
            "  ami: { enabled: true, host: 127.0.0.1, port: {amiPort}, user: acd, secret: test }",
            "  bringYourOwnQueue: true",
            "");
    /** 2026-11-23 10:00:00 UTC, in Asterisk's seconds. */
    private static final long T0 = 1_795_428_000L;
    private static final String CALLER = "1795428000.17";
    private static final String REP_LEG = "1795428004.18";

    @TempDir
    Path dir;
    private RouterFixture center;
    private FakeAmiServer ami;
    private FakeAsteriskChannel channel;

    @BeforeEach
    void start() throws Exception {
        center = new RouterFixture(dir, ASTERISK, new AsteriskRuntime.Tuning(50, "default", 50, 400, 100, 60_000));
        ami = new FakeAmiServer(center.amiPort);
        ami.start();
        await().atMost(10, SECONDS).until(() -> center.asterisk.amiConnected() && ami.hasClient());
        channel = new FakeAsteriskChannel(center.agiPort, CALLER, "+1 415 555 0101");
    }

    @AfterEach
    void stop() throws Exception {
        channel.close();
        center.close();
        ami.close();
    }

    @Test
    void shouldJournalAnswerHoldAndHangUpOfARoutedCallAtAsterisksTimes() throws Exception {
        routeToAnna();
        ami.event("Event: DialBegin", "Timestamp: " + T0 + ".500000", "Uniqueid: " + CALLER, "Linkedid: " + CALLER,
                "DestChannel: PJSIP/anna-00000002", "DestUniqueid: " + REP_LEG, "DialString: anna");
        ami.event("Event: DialEnd", "Timestamp: " + (T0 + 4) + ".250000", "Uniqueid: " + CALLER, "Linkedid: " + CALLER,
                "DestUniqueid: " + REP_LEG, "DialStatus: ANSWER");
        ami.event("Event: BridgeEnter", "Timestamp: " + (T0 + 4) + ".300000", "BridgeUniqueid: b-1", "BridgeType: basic",
                "BridgeNumChannels: 2", "Channel: PJSIP/anna-00000002", "Uniqueid: " + REP_LEG, "Linkedid: " + CALLER);
        ami.event("Event: Hold", "Timestamp: " + (T0 + 60), "Channel: PJSIP/anna-00000002", "Uniqueid: " + REP_LEG,
                "Linkedid: " + CALLER);
        ami.event("Event: Unhold", "Timestamp: " + (T0 + 90), "Channel: PJSIP/anna-00000002", "Uniqueid: " + REP_LEG,
                "Linkedid: " + CALLER);
        ami.event("Event: Hangup", "Timestamp: " + (T0 + 200), "Uniqueid: " + REP_LEG, "Linkedid: " + CALLER,
                "Cause: 16", "Cause-txt: Normal Clearing");

        await().atMost(5, SECONDS).until(() -> !center.journaled(CallEnded.class).isEmpty());
        long callId = Long.parseLong(channel.variable("ACD_CALL_ID"));
        assertEquals(List.of(new CallAnswered(T0 * 1000 + 4250, callId, "anna")), center.journaled(CallAnswered.class));
        assertEquals(List.of(new CallHeld(T0 * 1000 + 60_000, callId)), center.journaled(CallHeld.class));
        assertEquals(List.of(new CallResumed(T0 * 1000 + 90_000, callId)), center.journaled(CallResumed.class));
        assertEquals(List.of(new CallEnded(T0 * 1000 + 200_000, callId, Party.REP, "Normal Clearing")),
                center.journaled(CallEnded.class));

        ReportRow anna = center.stats().report(Grouping.REP).row("anna").orElseThrow();
        assertEquals(30, anna.value(Metric.HOLD_TIME), 0.001);
        assertEquals(200 - 4.25 - 30, anna.value(Metric.TALK_TIME), 0.001);

        // The caller's own hang-up and the result script come after; the call is journaled as ended once.
        ami.event("Event: Hangup", "Timestamp: " + (T0 + 200), "Uniqueid: " + CALLER, "Linkedid: " + CALLER);
        channel.set("DIALSTATUS", "ANSWER");
        channel.agi("result", "h").get(5, SECONDS);
        assertEquals(1, center.journaled(CallEnded.class).size());
    }

    @Test
    void shouldHangUpTheRingingRepChannelAndRouteTheCallerOnWhenTheRouterCancelsTheOffer() throws Exception {
        routeToAnna();
        long callId = Long.parseLong(channel.variable("ACD_CALL_ID"));
        ami.event("Event: DialBegin", "Timestamp: " + T0, "Uniqueid: " + CALLER, "Linkedid: " + CALLER,
                "DestChannel: PJSIP/anna-00000002", "DestUniqueid: " + REP_LEG, "DialString: anna");
        await().atMost(5, SECONDS).until(() -> "PJSIP/anna-00000002".equals(
                center.asterisk.calls().byId(callId).map(AsteriskCall::repChannel).orElse(null)));

        // Anna logs out while her phone rings: the router takes the offer back and sends CancelOffer.
        center.router.publish(new RepLoggedOut(Clock.SYSTEM.millis(), "anna"));
        await().atMost(5, SECONDS).until(() -> ami.actions.stream().anyMatch(a -> "hangup".equalsIgnoreCase(
                a.get("action"))));
        Map<String, String> hangup = ami.actions.stream().filter(a -> "hangup".equalsIgnoreCase(a.get("action")))
                .findFirst().orElseThrow();
        assertEquals("PJSIP/anna-00000002", hangup.get("channel"));

        // Dial() returns as the rep's channel is gone; result loops the caller back to route, to the next rep.
        long now = Clock.SYSTEM.millis();
        center.router.publish(new RepLoggedIn(now, "ben"));
        center.router.publish(new RepReady(now, "ben"));
        channel.set("DIALSTATUS", "NOANSWER");
        channel.agi("result", "s").get(5, SECONDS);
        assertEquals("ROUTE", channel.variable("ACD_NEXT"));
        channel.agi("route?line=sales", "s").get(5, SECONDS);
        assertEquals("ben", channel.variable("ACD_REP_ID"));
        assertTrue(center.journaled(OfferFailed.class).isEmpty(), "a cancelled offer is not anna's ring-no-answer");
        assertEquals(1, center.journaled(CallArrived.class).size());
    }

    @Test
    void shouldJournalABlindTransferOfARoutedCall() throws Exception {
        routeToAnna();
        ami.event("Event: BridgeEnter", "Timestamp: " + (T0 + 3), "BridgeUniqueid: b-2", "BridgeType: basic",
                "BridgeNumChannels: 2", "Channel: PJSIP/anna-00000003", "Uniqueid: " + REP_LEG, "Linkedid: " + CALLER);
        ami.event("Event: BlindTransfer", "Timestamp: " + (T0 + 50), "Result: Success",
                "TransfererUniqueid: " + REP_LEG, "TransfereeUniqueid: " + CALLER, "Extension: 2001",
                "Context: internal", "IsExternal: No");
        await().atMost(5, SECONDS).until(() -> !center.journaled(CallTransferred.class).isEmpty());
        CallTransferred transferred = center.journaled(CallTransferred.class).get(0);
        assertEquals("anna", transferred.repId());
        assertEquals("2001", transferred.target());
        assertEquals(T0 * 1000 + 50_000, transferred.at());
    }

    @Test
    void shouldTranslateAppQueueEventsSoQueueStatisticsWorkInBringYourOwnQueueMode() throws Exception {
        ami.event("Event: QueueMemberStatus", "Timestamp: " + T0, "Queue: sales", "MemberName: anna",
                "Interface: PJSIP/anna", "StateInterface: PJSIP/anna", "Status: 1", "Paused: 0");
        ami.event("Event: QueueMemberPause", "Timestamp: " + (T0 + 1), "Queue: sales", "MemberName: Ben",
                "Interface: PJSIP/ben", "Paused: 1", "PausedReason: lunch");
        // answered: waits 10 s, talks 60 s
        ami.event("Event: QueueCallerJoin", "Timestamp: " + (T0 + 10), "Channel: PJSIP/trunk-00000001",
                "Uniqueid: q1", "Queue: sales", "CallerIDNum: +14155550101", "Position: 1", "Count: 1");
        ami.event("Event: AgentConnect", "Timestamp: " + (T0 + 20), "Uniqueid: q1", "Queue: sales",
                "MemberName: anna", "Interface: PJSIP/anna", "HoldTime: 10", "RingTime: 3");
        ami.event("Event: AgentComplete", "Timestamp: " + (T0 + 80), "Uniqueid: q1", "Queue: sales",
                "MemberName: anna", "Interface: PJSIP/anna", "HoldTime: 10", "TalkTime: 60", "Reason: caller");
        // abandoned after 30 s
        ami.event("Event: QueueCallerJoin", "Timestamp: " + (T0 + 30), "Uniqueid: q2", "Queue: sales",
                "CallerIDNum: +15550000", "Position: 1", "Count: 1");
        ami.event("Event: QueueCallerAbandon", "Timestamp: " + (T0 + 60), "Uniqueid: q2", "Queue: sales",
                "Position: 1", "OriginalPosition: 1", "HoldTime: 30");

        await().atMost(5, SECONDS).until(() -> center.journaled(CallAbandoned.class).size() == 1);
        assertEquals(List.of("anna"), center.journaled(RepLoggedIn.class).stream().map(RepLoggedIn::repId).toList()
                .subList(0, 1));
        assertEquals("anna", center.journaled(RepReady.class).get(0).repId());
        assertEquals("ben", center.journaled(RepNotReady.class).get(0).repId(), "member Ben is rep ben by his interface");
        assertEquals("lunch", center.journaled(RepNotReady.class).get(0).reason());
        assertEquals(2, center.journaled(CallQueued.class).size());
        assertEquals(Party.CUSTOMER, center.journaled(CallEnded.class).get(0).endedBy());

        ReportRow sales = center.stats().report(Grouping.QUEUE).row("sales").orElseThrow();
        assertEquals(2, sales.value(Metric.OFFERED));
        assertEquals(1, sales.value(Metric.ANSWERED));
        assertEquals(1, sales.value(Metric.ABANDONED));
        assertEquals(10, sales.value(Metric.ASA), 0.001);
        assertEquals(60, center.stats().report(Grouping.REP).row("anna").orElseThrow().value(Metric.TALK_TIME), 0.001);
    }

    @Test
    void shouldLogInAgainAndGoOnTranslatingAfterAsteriskRestarts() throws Exception {
        ami.stop();
        await().atMost(5, SECONDS).until(() -> !center.asterisk.amiConnected());
        ami.start();
        await().atMost(15, SECONDS).until(() -> center.asterisk.amiConnected() && ami.hasClient());
        assertEquals(2, ami.logins.get());

        ami.event("Event: QueueCallerJoin", "Timestamp: " + T0, "Uniqueid: q9", "Queue: sales",
                "CallerIDNum: +15550000", "Position: 1", "Count: 1");
        await().atMost(5, SECONDS).until(() -> center.journaled(CallQueued.class).size() == 1);
    }

    private void routeToAnna() throws Exception {
        long now = Clock.SYSTEM.millis();
        center.router.publish(new RepLoggedIn(now, "anna"));
        center.router.publish(new RepReady(now, "anna"));
        channel.agi("route?line=sales", "s").get(5, SECONDS);
        assertEquals("anna", channel.variable("ACD_REP_ID"));
    }
}

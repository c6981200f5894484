package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.Report;
import dev.acd.core.time.Clock;

/** A scripted Asterisk drives the FastAGI scripts over TCP against the real router and journal. */
class FastAgiRoutingTest {
    private static final String ASTERISK = String.join("\n",
            "asterisk:",
            "  fastagi: { enabled: true, bind: 127.0.0.1, port: {agiPort}, maxWaitingCalls: 2, trunkDialPattern: \"PJSIP/{number}@carrier\" }",
            "");

    @TempDir
    Path dir;
    private RouterFixture center;
    private FakeAsteriskChannel channel;

    @BeforeEach
    void start() throws Exception {
        center = new RouterFixture(dir, ASTERISK, new AsteriskRuntime.Tuning(50, "default", 100, 1_000, 100, 60_000));
        channel = new FakeAsteriskChannel(center.agiPort, "1700000000.1", "+1 415 555 0101");
        await().atMost(5, SECONDS).ignoreExceptions()
                .until(() -> { new java.net.Socket("127.0.0.1", center.agiPort).close(); return true; });
    }

    @AfterEach
    void stop() throws Exception {
        channel.close();
        center.close();
    }

    @Test
    void shouldSetTheDialStringOfTheChosenRepWhenARepIsReady() throws Exception {
        ready("anna");
        channel.agi("route?line=sales", "s").get(5, SECONDS);

        assertEquals("OFFER", channel.variable("ACD_STATUS"));
        assertEquals("anna", channel.variable("ACD_REP_ID"));
        assertEquals("PJSIP/anna", channel.variable("ACD_DIAL"));
        assertEquals("15", channel.variable("ACD_RING_TIMEOUT"));
        String callId = channel.variable("ACD_CALL_ID");
        assertEquals(List.of(
                "GET VARIABLE \"ACD_CALL_ID\"",
                "SET VARIABLE \"ACD_CALL_ID\" \"" + callId + "\"",
                "SET MUSIC ON \"default\"",
                "SET MUSIC OFF",
                "SET VARIABLE \"ACD_REP_ID\" \"anna\"",
                "SET VARIABLE \"ACD_DIAL\" \"PJSIP/anna\"",
                "SET VARIABLE \"ACD_RING_TIMEOUT\" \"15\"",
                "SET VARIABLE \"ACD_STATUS\" \"OFFER\"",
                "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\""), channel.commands);

        CallArrived arrived = center.journaled(CallArrived.class).get(0);
        assertEquals(Long.parseLong(callId), arrived.callId());
        assertEquals("sales", arrived.lineId());
        assertEquals("c1", center.journaled(CallClassified.class).get(0).customerId(), "classified like a trunk call");
    }

    @Test
    void shouldJournalAnswerAndHangUpSoStatisticsCountAHandledCall() throws Exception {
        ready("anna");
        channel.agi("route?line=sales", "s").get(5, SECONDS);
        String callId = channel.variable("ACD_CALL_ID");
        channel.agi("answered?call=" + callId, "s").get(5, SECONDS);
        channel.set("DIALSTATUS", "ANSWER");
        channel.agi("result", "h").get(5, SECONDS);

        await().atMost(5, SECONDS).until(() -> !center.journaled(CallEnded.class).isEmpty());
        assertEquals("anna", center.journaled(CallAnswered.class).get(0).repId());
        assertEquals(Party.CUSTOMER, center.journaled(CallEnded.class).get(0).endedBy());
        assertEquals("DONE", channel.variable("ACD_NEXT"));
        Report byQueue = center.stats().report(Grouping.QUEUE);
        assertEquals(1, byQueue.row("sales").orElseThrow().value(Metric.OFFERED));
        assertEquals(1, byQueue.row("sales").orElseThrow().value(Metric.ANSWERED));
        assertEquals(0, center.asterisk.calls().size(), "the call is over and forgotten");
    }

    @Test
    void shouldWaitInQueueUntilARepIsReadyAndLoopToTheNextRepAfterRingNoAnswer() throws Exception {
        Future<?> waiting = channel.agi("route?line=sales", "s");
        await().atMost(5, SECONDS).until(() -> channel.commands.contains("SET MUSIC ON \"default\""));
        await().during(Duration.ofMillis(200)).atMost(2, SECONDS).until(() -> !waiting.isDone());
        assertFalse(center.journaled(CallQueued.class).isEmpty(), "the call waits in our queue");

        ready("anna");
        waiting.get(5, SECONDS);
        assertEquals("anna", channel.variable("ACD_REP_ID"));

        channel.set("DIALSTATUS", "NOANSWER");
        channel.agi("result", "s").get(5, SECONDS);
        assertEquals("ROUTE", channel.variable("ACD_NEXT"));
        await().atMost(5, SECONDS).until(() -> !center.journaled(OfferFailed.class).isEmpty());
        assertEquals(OfferFailure.NO_ANSWER, center.journaled(OfferFailed.class).get(0).failure());

        ready("ben");
        channel.agi("route?line=sales", "s").get(5, SECONDS);
        assertEquals("ben", channel.variable("ACD_REP_ID"));
        assertEquals(1, center.journaled(CallArrived.class).size(), "the loop is the same call, not a new one");
        assertEquals(List.of("anna", "ben"), center.journaled(CallOffered.class).stream().map(CallOffered::repId).toList());
    }

    @Test
    void shouldDialAnOutsideNumberThroughTheTrunkPattern() throws Exception {
        ready("fred");
        channel.agi("route?line=sales", "s").get(5, SECONDS);
        assertEquals("PJSIP/+13125550147@carrier", channel.variable("ACD_DIAL"));
    }

    @Test
    void shouldAbandonTheCallWhenTheCallerHangsUpWhileWaiting() throws Exception {
        Future<?> waiting = channel.agi("route?line=sales", "s");
        await().atMost(5, SECONDS).until(() -> channel.commands.contains("SET MUSIC ON \"default\""));
        channel.hangUp();

        await().atMost(5, SECONDS).until(() -> !center.journaled(CallAbandoned.class).isEmpty());
        waiting.get(5, SECONDS);
        assertEquals(0, center.asterisk.calls().size());
        assertEquals(1, center.stats().report(Grouping.QUEUE).row("sales").orElseThrow().value(Metric.ABANDONED));
    }

    @Test
    void shouldRefuseWithFullWhenMaxWaitingCallsAlreadyWait() throws Exception {
        FakeAsteriskChannel second = new FakeAsteriskChannel(center.agiPort, "1700000000.2", "+1 555 0000");
        FakeAsteriskChannel third = new FakeAsteriskChannel(center.agiPort, "1700000000.3", "+1 555 0001");
        try (second; third) {
            channel.agi("route?line=sales", "s");
            second.agi("route?line=sales", "s");
            await().atMost(5, SECONDS).until(() -> center.asterisk.calls().size() == 2);
            third.agi("route?line=sales", "s").get(5, SECONDS);
            assertEquals("FULL", third.variable("ACD_STATUS"));
            assertEquals(2, center.journaled(CallArrived.class).size(), "a refused call never reaches the router");
        }
    }

    @Test
    void shouldAnswerErrorNamingTheLinesWhenTheLineIsUnknown() throws Exception {
        channel.agi("route?line=support", "s").get(5, SECONDS);
        assertEquals("ERROR", channel.variable("ACD_STATUS"));
        assertTrue(channel.variable("ACD_REASON").contains("no line 'support'"), channel.variable("ACD_REASON"));
        assertTrue(channel.variable("ACD_REASON").contains("[sales]"), channel.variable("ACD_REASON"));
    }

    private void ready(String repId) {
        long now = Clock.SYSTEM.millis();
        center.router.publish(new RepLoggedIn(now, repId));
        center.router.publish(new RepReady(now, repId));
    }
}

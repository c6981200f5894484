package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.BEN;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.testkit.Sipp;

/**
 * Calls end to end against the real server: SIPp is the trunk dialling the sales line (or answering reps' outbound
 * calls), reps are softphones on our own stack on 127.0.0.2 and 127.0.0.3 that register with digest and are made
 * ready as a rep's desktop would. Each test checks the journal's events in order and the statistics computed from
 * the journal.
 */
class CallFlowE2eTest extends SippE2eTest {

    private Sipp trunk(String scenario) {
        return closing(Sipp.scenario(scenario).remote(acd.sipAddress()).service(SALES_NUMBER)
                .timeout(LIMIT).start(dir));
    }

    private static void assertAbout(double expected, double tolerance, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance, what + ": expected " + expected + " +- " + tolerance
                + " but was " + actual);
    }

    private ReportRow totals() {
        return E2eServer.totals(acd.journal(), Grouping.QUEUE);
    }

    @Test
    void shouldConnectATrunkCallToTheReadyRepAndEndItWhenTheCallerHangsUp() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp.Result result = trunk("uac-call-talk").await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof WrapUpEnded);
        awaitJournaled(e -> e instanceof RecordingReady);

        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued sales", "CallOffered ava.chen",
                "CallAnswered ava.chen", "CallEnded CUSTOMER BYE", "WrapUpStarted ava.chen", "WrapUpEnded"),
                life(CallArrived.class, CallClassified.class, CallQueued.class, CallOffered.class,
                        CallAnswered.class, CallEnded.class, WrapUpStarted.class, WrapUpEnded.class));
        assertTrue(ava.events.contains("ended: BYE received"), ava.events.toString());
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.OFFERED));
        assertEquals(1, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED));
        assertAbout(1.5, 0.7, stats.value(Metric.TALK_TIME), "talk time");
        assertEquals(0, stats.value(Metric.HOLD_TIME));
        assertAbout(1.0, 0.5, stats.value(Metric.WRAP_TIME), "wrap time");
    }

    @Test
    void shouldConnectATrunkCallToARepWhoseSoftphoneIsSipp() throws Exception {
        start(E2eServer.Options.defaults());
        int repPort = dev.acd.testkit.FreePorts.udpAndTcp();
        try (Sipp phone = Sipp.scenario("register-only").remote(acd.sipAddress()).service(AVA)
                .auth(AVA, E2eServer.password(AVA)).localPort(repPort).timeout(LIMIT).start(dir)) {
            Sipp.Result registered = phone.await(LIMIT);
            assertTrue(registered.allSucceeded(), registered.toString());
        }
        Sipp rep = closing(Sipp.scenario("uas-answer").localPort(repPort).timeout(LIMIT).start(dir));
        rep.awaitListening(Duration.ofSeconds(5));
        acd.loginReady(AVA);
        Sipp.Result caller = trunk("uac-call-talk").await(LIMIT);
        assertTrue(caller.allSucceeded(), caller.toString());
        Sipp.Result answered = rep.await(LIMIT);
        assertTrue(answered.allSucceeded(), "the rep's SIPp is rung, answers and gets the BYE: " + answered);
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "CallAnswered ava.chen",
                "CallEnded CUSTOMER BYE"),
                life(CallQueued.class, CallOffered.class, OfferFailed.class, CallAnswered.class,
                        CallAbandoned.class, CallEnded.class));
        assertEquals(1, totals().value(Metric.ANSWERED));
    }

    @Test
    void shouldJournalAnAbandonWhenTheCallerHangsUpWhileQueued() throws Exception {
        start(E2eServer.Options.defaults());
        Sipp.Result result = trunk("uac-call-talk").await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallAbandoned);

        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued sales", "CallAbandoned"),
                life(CallArrived.class, CallClassified.class, CallQueued.class, CallOffered.class,
                        CallAbandoned.class, CallEnded.class));
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.OFFERED));
        assertEquals(0, stats.value(Metric.ANSWERED));
        assertEquals(1, stats.value(Metric.ABANDONED));
        assertAbout(1.5, 0.7, stats.value(Metric.LONGEST_WAIT), "the abandoned caller's wait");
    }

    @Test
    void shouldCancelTheRingAndJournalAnAbandonWhenTheCallerHangsUpWhileTheRepsPhoneRings() throws Exception {
        start(new E2eServer.Options(0, 0, null, 5, 1));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        ava.mode = TestPhone.Mode.NO_ANSWER;
        Sipp.Result result = trunk("uac-call-talk").await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallAbandoned);
        await().atMost(LIMIT).until(() -> ava.events.contains("cancelled"));

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "CallAbandoned"),
                life(CallQueued.class, CallOffered.class, OfferFailed.class, CallAnswered.class,
                        CallAbandoned.class, CallEnded.class));
        ReportRow stats = totals();
        assertEquals(0, stats.value(Metric.ANSWERED));
        assertEquals(1, stats.value(Metric.ABANDONED));
    }

    @Test
    void shouldOfferTheCallToTheSecondRepWhenTheFirstDoesNotAnswerInTime() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        ava.mode = TestPhone.Mode.NO_ANSWER;
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        Sipp caller = trunk("uac-call-wait-bye");
        awaitJournaled(e -> e instanceof CallAnswered);
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        ben.hangUp(ben.lastDialog());
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof WrapUpEnded);

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "OfferFailed ava.chen NO_ANSWER",
                "RepMarkedNotReady", "CallOffered ben.okafor", "CallAnswered ben.okafor", "CallEnded REP BYE"),
                life(CallQueued.class, CallOffered.class, OfferFailed.class, RepMarkedNotReady.class,
                        CallAnswered.class, CallEnded.class));
        assertTrue(ava.events.contains("cancelled"), "the unanswered ring is cancelled: " + ava.events);
        OfferFailed missed = acd.journaled(OfferFailed.class).get(0);
        CallOffered first = acd.journaled(CallOffered.class).get(0);
        assertAbout(2_000, 600, missed.at() - first.at(), "ring time before the ring-no-answer (ms)");
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED));
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, BEN).value(Metric.ANSWERED));
    }

    @Test
    void shouldOfferTheCallToTheNextRepWhenTheFirstIsBusy() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        ava.mode = TestPhone.Mode.BUSY;
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        Sipp caller = trunk("uac-call-wait-bye");
        awaitJournaled(e -> e instanceof CallAnswered);
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        ben.hangUp(ben.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded);

        List<String> life = life(CallOffered.class, OfferFailed.class, CallAnswered.class, CallEnded.class);
        assertEquals(List.of("CallOffered ava.chen", "OfferFailed ava.chen BUSY", "CallOffered ben.okafor",
                "CallAnswered ben.okafor", "CallEnded REP BYE"), life);
        assertEquals(1, totals().value(Metric.ANSWERED));
    }

    @Test
    void shouldJournalHoldAndResumeAndCountHoldApartFromTalkWhenTheRepHangsUp() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = trunk("uac-call-wait-bye");
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        assertEquals(200, ava.reInvite(ava.lastDialog(), "sendonly").get(5, TimeUnit.SECONDS));
        awaitJournaled(e -> e instanceof CallHeld);
        long heldAt = acd.journaled(CallHeld.class).get(0).at();
        await().atMost(LIMIT).until(() -> acd.server.clock().millis() - heldAt >= 500);
        assertEquals(200, ava.reInvite(ava.lastDialog(), "sendrecv").get(5, TimeUnit.SECONDS));
        awaitJournaled(e -> e instanceof CallResumed);
        long resumedAt = acd.journaled(CallResumed.class).get(0).at();
        await().atMost(LIMIT).until(() -> acd.server.clock().millis() - resumedAt >= 300);
        ava.hangUp(ava.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof WrapUpEnded);

        assertEquals(List.of("CallAnswered ava.chen", "CallHeld", "CallResumed", "CallEnded REP BYE",
                "WrapUpStarted ava.chen", "WrapUpEnded"), life(CallAnswered.class, CallHeld.class,
                CallResumed.class, CallEnded.class, WrapUpStarted.class, WrapUpEnded.class));
        long answeredAt = acd.journaled(CallAnswered.class).get(0).at();
        long endedAt = acd.journaled(CallEnded.class).get(0).at();
        ReportRow stats = totals();
        assertAbout((resumedAt - heldAt) / 1000.0, 0.01, stats.value(Metric.HOLD_TIME), "hold time");
        assertAbout((endedAt - answeredAt - (resumedAt - heldAt)) / 1000.0, 0.01, stats.value(Metric.TALK_TIME),
                "talk time (answer to hang-up minus hold)");
        assertTrue(stats.value(Metric.HOLD_TIME) >= 0.5, "held at least 0.5 s: " + stats.value(Metric.HOLD_TIME));
        assertAbout(1.0, 0.5, stats.value(Metric.WRAP_TIME), "wrap time");
    }

    @Test
    void shouldRequeueABlindTransferToTheQueueAndConnectTheOtherRep() throws Exception {
        start(E2eServer.Options.defaults().withWrapUp(5));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        Sipp caller = trunk("uac-call-wait-bye");
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        String queue = "sip:sales@" + acd.sipAddress().getAddress().getHostAddress() + ":"
                + acd.sipAddress().getPort();
        assertEquals(202, ava.refer(ava.lastDialog(), queue).get(5, TimeUnit.SECONDS));
        await().atMost(LIMIT).until(() -> ava.events.contains("notify: SIP/2.0 200 OK")
                && ava.events.stream().anyMatch(e -> e.startsWith("ended")));
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        ben.hangUp(ben.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallOffered ava.chen", "CallAnswered ava.chen", "CallTransferred QUEUE sales",
                "CallOffered ben.okafor", "CallAnswered ben.okafor", "CallEnded REP BYE"),
                life(CallOffered.class, CallAnswered.class, CallTransferred.class, CallEnded.class));
        ReportRow stats = totals();
        assertEquals(0, stats.value(Metric.ABANDONED));
        assertEquals(2, stats.value(Metric.HANDLED), "each rep's leg is handled once");
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, AVA).value(Metric.ANSWERED));
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, BEN).value(Metric.ANSWERED));
    }

    @Test
    void shouldPlaceARepsOutboundCallThroughTheTrunkWithDigest() throws Exception {
        Sipp carrier = closing(Sipp.scenario("uas-answer").timeout(LIMIT).start(dir));
        carrier.awaitListening(Duration.ofSeconds(5));
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + carrier.localPort()));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        TestPhone.Call call = ava.callWithDigest("+15557654321", acd.sipAddress());
        assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
        awaitJournaled(e -> e instanceof CallAnswered);
        ava.hangUp(call.dialog);
        Sipp.Result result = carrier.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered ava.chen", "CallEnded REP BYE"),
                life(CallArrived.class, CallClassified.class, CallQueued.class, CallOffered.class,
                        CallAnswered.class, CallEnded.class));
        CallArrived arrived = acd.journaled(CallArrived.class).get(0);
        assertEquals("OUTBOUND", arrived.direction().name());
        assertEquals(AVA, arrived.repId());
        assertEquals("+15557654321", arrived.to());
        ReportRow outbound = E2eServer.row(acd.journal(), Grouping.DIRECTION, "OUTBOUND");
        assertEquals(1, outbound.value(Metric.HANDLED));
        assertEquals(0, totals().value(Metric.OFFERED), "an outbound call reaches no queue");
    }
}

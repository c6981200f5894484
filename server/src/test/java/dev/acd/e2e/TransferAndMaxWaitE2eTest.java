package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.BEN;
import static dev.acd.e2e.E2eServer.CARA;
import static dev.acd.e2e.E2eServer.MENU_NUMBER;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.MenuChosen;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.sip.message.SipMessage;
import dev.acd.testkit.Sipp;

/**
 * End to end against the real server, the paths {@link CallFlowE2eTest} leaves out: blind transfers to a rep and to
 * an outside number (allowed and refused by the dial rules), each maximum-wait action, the DTMF menu pressed from
 * SIPp, a rep who declines (603), and reps' outbound calls the server refuses. SIPp is the trunk (callers and the
 * carrier), reps are {@link TestPhone}s; each test checks the journal's events in order and the statistics.
 */
class TransferAndMaxWaitE2eTest extends SippE2eTest {
    private static final String DTMF_PCAP = "/usr/share/sip-tester/dtmf_2833_2.pcap";

    private Sipp caller(String scenario, String number) {
        return closing(Sipp.scenario(scenario).remote(acd.sipAddress()).service(number).timeout(LIMIT).start(dir));
    }

    /** A carrier behind the trunk (SIPp on 127.0.0.1), listening before the server starts. */
    private Sipp carrier(String scenario) {
        Sipp carrier = closing(Sipp.scenario(scenario).timeout(LIMIT).start(dir));
        carrier.awaitListening(Duration.ofSeconds(5));
        return carrier;
    }

    private ReportRow totals() {
        return E2eServer.totals(acd.journal(), Grouping.QUEUE);
    }

    private ReportRow queue(String id) {
        return E2eServer.row(acd.journal(), Grouping.QUEUE, id);
    }

    private String serverUri(String user) {
        return "sip:" + user + "@" + acd.sipAddress().getAddress().getHostAddress() + ":" + acd.sipAddress().getPort();
    }

    private static String reason(SipMessage response) {
        return ((javax.sip.message.Response) response.raw()).getReasonPhrase();
    }

    // ---- blind transfer (RFC 3515) ------------------------------------------------------------------------------

    @Test
    void shouldRingTheNamedRepAndConnectThemWhenARepTransfersToAnotherRep() throws Exception {
        start(E2eServer.Options.defaults().withWrapUp(5));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        // ben logs in only now, so the first offer cannot have gone to him
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        assertEquals(202, ava.refer(ava.lastDialog(), serverUri(BEN)).get(5, TimeUnit.SECONDS));
        await().atMost(LIMIT).until(() -> ava.events.contains("notify: SIP/2.0 200 OK")
                && ava.events.stream().anyMatch(e -> e.startsWith("ended")));
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        ben.hangUp(ben.lastDialog());
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "CallAnswered ava.chen",
                "CallTransferred REP ben.okafor", "WrapUpStarted ava.chen", "CallQueued sales",
                "CallOffered ben.okafor", "CallAnswered ben.okafor", "CallEnded REP BYE", "WrapUpStarted ben.okafor"),
                acd.life(CallQueued.class, CallOffered.class, CallAnswered.class, CallTransferred.class,
                        WrapUpStarted.class, CallEnded.class));
        assertEquals("DIRECT", acd.journaled(CallOffered.class).get(1).explanation().rule().name(),
                "the second offer is the transfer's, to the named rep");
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.TRANSFERS));
        assertEquals(2, stats.value(Metric.HANDLED), "each rep's leg is handled once");
        assertEquals(0, stats.value(Metric.ABANDONED));
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, AVA).value(Metric.TRANSFERS));
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, BEN).value(Metric.ANSWERED));
    }

    @Test
    void shouldBridgeTheCallerToTheTrunkAndEndTheCallForTheCenterWhenARepTransfersToANumber() throws Exception {
        Sipp outside = carrier("uas-answer-then-bye");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + outside.localPort())
                .withDialRules("deny ^\\+?1900", "allow ^\\+?[0-9]{6,15}$"));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        assertEquals(202, ava.refer(ava.lastDialog(), "tel:+15557654321").get(5, TimeUnit.SECONDS));
        await().atMost(LIMIT).until(() -> ava.events.stream().anyMatch(e -> e.startsWith("ended")));
        assertEquals(List.of("notify: SIP/2.0 100 Trying", "notify: SIP/2.0 200 OK", "ended: BYE received"),
                ava.events.stream().filter(e -> e.startsWith("notify") || e.startsWith("ended")).toList(),
                "RFC 3515: a NOTIFY at once, the final one once the number answered, then our BYE");
        Sipp.Result called = outside.await(LIMIT);
        assertTrue(called.allSucceeded(), "the number is rung through the trunk, answers and hangs up: " + called);
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), "the caller gets the BYE once the outside party hangs up: " + result);
        awaitJournaled(e -> e instanceof WrapUpEnded);

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "CallAnswered ava.chen",
                "CallTransferred NUMBER +15557654321", "WrapUpStarted ava.chen", "WrapUpEnded"),
                acd.life(CallQueued.class, CallOffered.class, CallAnswered.class, CallTransferred.class,
                        CallEnded.class, CallAbandoned.class, WrapUpStarted.class, WrapUpEnded.class));
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.TRANSFERS));
        assertEquals(1, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED));
    }

    @Test
    void shouldCompleteTheTransferToANumberWhenTheRepHangsUpAsSoonAsTheReferIsAccepted() throws Exception {
        Sipp outside = carrier("uas-answer-then-bye");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + outside.localPort()));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        // what many softphones do in a blind transfer: hang up on the 202, before any final NOTIFY
        assertEquals(202, ava.refer(ava.lastDialog(), "tel:+15557654321").get(5, TimeUnit.SECONDS));
        ava.hangUp(ava.lastDialog());
        Sipp.Result called = outside.await(LIMIT);
        assertTrue(called.allSucceeded(), "the number is still rung and answered: " + called);
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), "the caller talked to the number and got its BYE: " + result);
        awaitJournaled(e -> e instanceof WrapUpEnded);

        assertEquals(List.of("CallAnswered ava.chen", "CallTransferred NUMBER +15557654321", "WrapUpStarted ava.chen",
                "WrapUpEnded"), acd.life(CallAnswered.class, CallTransferred.class, CallEnded.class,
                CallAbandoned.class, WrapUpStarted.class, WrapUpEnded.class));
        assertEquals(1, totals().value(Metric.TRANSFERS));
    }

    @Test
    void shouldNotifyTheRepOfTheTrunksRefusalAndHangUpTheCallerWhenTheTransferredNumberIsBusy() throws Exception {
        Sipp outside = carrier("uas-busy");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + outside.localPort()));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        assertEquals(202, ava.refer(ava.lastDialog(), "tel:+15557654321").get(5, TimeUnit.SECONDS));
        await().atMost(LIMIT).until(() -> ava.events.stream().anyMatch(e -> e.startsWith("ended")));
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), "the caller gets the BYE: " + result);
        assertTrue(outside.await(LIMIT).allSucceeded(), "the carrier was asked and refused");

        assertEquals(List.of("notify: SIP/2.0 100 Trying", "notify: SIP/2.0 486 Busy here", "ended: BYE received"),
                ava.events.stream().filter(e -> e.startsWith("notify") || e.startsWith("ended")).toList(),
                "the final NOTIFY carries the trunk's answer (RFC 3515 section 2.4.5)");
        assertEquals(List.of("CallAnswered ava.chen", "CallTransferred NUMBER +15557654321"),
                acd.life(CallAnswered.class, CallTransferred.class, CallEnded.class, CallAbandoned.class),
                "the call left the center at the transfer");
        assertEquals(1, totals().value(Metric.TRANSFERS));
        assertEquals(0, totals().value(Metric.ABANDONED));
    }

    @Test
    void shouldCancelTheNumbersRingAndNotifyTheRepWhenTheCallerHangsUpBeforeItAnswers() throws Exception {
        Sipp outside = carrier("uas-ring-cancelled");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + outside.localPort()));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-talk", SALES_NUMBER); // hangs up 1.5 s after the answer
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        assertEquals(202, ava.refer(ava.lastDialog(), "tel:+15557654321").get(5, TimeUnit.SECONDS));
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        Sipp.Result called = outside.await(LIMIT);
        assertTrue(called.allSucceeded(), "the ringing number is cancelled: " + called);
        await().atMost(LIMIT).until(() -> ava.events.stream().anyMatch(e -> e.startsWith("ended")));

        assertEquals(List.of("notify: SIP/2.0 100 Trying", "notify: SIP/2.0 487 Request Terminated",
                "ended: BYE received"), ava.events.stream().filter(e -> e.startsWith("notify")
                || e.startsWith("ended")).toList());
        assertEquals(List.of("CallAnswered ava.chen", "CallTransferred NUMBER +15557654321"),
                acd.life(CallAnswered.class, CallTransferred.class, CallEnded.class, CallAbandoned.class),
                "the call had left the center: no abandon is counted");
        assertEquals(0, totals().value(Metric.ABANDONED));
    }

    @Test
    void shouldRefuseTheReferAndKeepTheCallWithTheRepWhenADialRuleRefusesTheNumber() throws Exception {
        Sipp outside = carrier("uas-answer-then-bye");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + outside.localPort())
                .withDialRules("deny ^\\+?1900", "allow ^\\+?[0-9]{6,15}$"));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        assertEquals(403, ava.refer(ava.lastDialog(), "tel:+19005550123").get(5, TimeUnit.SECONDS),
                "RFC 3515 2.4.2: a refused REFER gets a final non-2xx and no subscription");
        // the call is still the rep's: the rep's hang-up ends it as usual
        ava.hangUp(ava.lastDialog());
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallAnswered ava.chen", "CallEnded REP BYE"),
                acd.life(CallAnswered.class, CallTransferred.class, CallEnded.class));
        assertTrue(ava.events.stream().noneMatch(e -> e.startsWith("notify")), "no NOTIFY: " + ava.events);
        ReportRow stats = totals();
        assertEquals(0, stats.value(Metric.TRANSFERS));
        assertEquals(1, stats.value(Metric.HANDLED));
    }

    @Test
    void shouldAnswer404AndKeepTheCallWithTheRepWhenTheReferNamesNoQueueRepOrNumber() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        assertEquals(404, ava.refer(ava.lastDialog(), serverUri("nobody.here")).get(5, TimeUnit.SECONDS));
        ava.hangUp(ava.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallAnswered ava.chen", "CallEnded REP BYE"),
                acd.life(CallAnswered.class, CallTransferred.class, CallEnded.class));
        assertEquals(0, totals().value(Metric.TRANSFERS));
    }

    @Test
    void shouldCountTheFirstRepsHoldUpToTheTransferWhenARepTransfersAHeldCall() throws Exception {
        start(E2eServer.Options.defaults().withWrapUp(5));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        assertEquals(200, ava.reInvite(ava.lastDialog(), "sendonly").get(5, TimeUnit.SECONDS));
        awaitJournaled(e -> e instanceof CallHeld);
        long heldAt = acd.journaled(CallHeld.class).get(0).at();
        await().atMost(LIMIT).until(() -> acd.server.clock().millis() - heldAt >= 500);
        assertEquals(202, ava.refer(ava.lastDialog(), serverUri(BEN)).get(5, TimeUnit.SECONDS));
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        ben.hangUp(ben.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallAnswered ava.chen", "CallHeld", "CallTransferred REP ben.okafor",
                "CallAnswered ben.okafor", "CallEnded REP BYE"), acd.life(CallAnswered.class, CallHeld.class,
                CallResumed.class, CallTransferred.class, CallEnded.class));
        long answeredAt = acd.journaled(CallAnswered.class).get(0).at();
        long transferredAt = acd.journaled(CallTransferred.class).get(0).at();
        ReportRow first = E2eServer.row(acd.journal(), Grouping.REP, AVA);
        assertEquals((transferredAt - heldAt) / 1000.0, first.value(Metric.HOLD_TIME), 0.01,
                "held from CallHeld to the transfer");
        assertEquals((heldAt - answeredAt) / 1000.0, first.value(Metric.TALK_TIME), 0.01,
                "talked from the answer to the hold");
        assertEquals(0, E2eServer.row(acd.journal(), Grouping.REP, BEN).value(Metric.HOLD_TIME));
    }

    // ---- maximum wait -------------------------------------------------------------------------------------------

    @Test
    void shouldMoveTheCallToTheOverflowQueueAndConnectItsRepWhenTheMaxWaitIsReached() throws Exception {
        start(E2eServer.Options.defaults().withMaxWait(1, MaxWaitAction.OVERFLOW));
        TestPhone cara = closing(acd.rep("127.0.0.3", CARA));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> cara.events.contains("ack"));
        cara.hangUp(cara.lastDialog());
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallQueued sales", "MaxWaitReached sales OVERFLOW", "CallQueued support",
                "CallOffered cara.diaz", "CallAnswered cara.diaz", "CallEnded REP BYE"),
                acd.life(CallQueued.class, MaxWaitReached.class, CallOffered.class, CallAnswered.class,
                        CallEnded.class));
        List<Long> queued = acd.journaled(CallQueued.class).stream().map(CallQueued::at).toList();
        assertTrue(queued.get(1) - queued.get(0) >= 1_000, "the overflow waits out the 1 s: " + queued);
        assertEquals(1, queue("support").value(Metric.ANSWERED));
        assertEquals(0, totals().value(Metric.ABANDONED));
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, CARA).value(Metric.ANSWERED));
    }

    @Test
    void shouldRecordACallbackAndHangUpWhenTheCallerPressesOneAtTheMaxWait() throws Exception {
        start(E2eServer.Options.defaults().withMaxWait(1, MaxWaitAction.CALLBACK));
        TestPhone trunk = closing(TestPhone.start("127.0.0.1"));
        TestPhone.Call call = trunk.call(SALES_NUMBER, acd.sipAddress());
        assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
        awaitJournaled(e -> e instanceof MaxWaitReached);
        // the callback offer reaches the call just after the router decided; press 1 until it counts
        await().atMost(LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            trunk.pressKey(1);
            return !acd.journaled(CallbackRequested.class).isEmpty();
        });
        await().atMost(LIMIT).until(() -> trunk.events.stream().anyMatch(e -> e.startsWith("ended")));

        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued sales", "MaxWaitReached sales CALLBACK",
                "CallbackRequested " + trunk.callerUser), acd.life(CallArrived.class, CallClassified.class,
                CallQueued.class, MaxWaitReached.class, CallbackRequested.class, CallEnded.class,
                CallAbandoned.class));
        assertEquals(List.of("ended: BYE received"),
                trunk.events.stream().filter(e -> e.startsWith("ended")).toList(), "the server hangs up after goodbye");
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.OFFERED));
        assertEquals(1, stats.value(Metric.CALLBACKS_REQUESTED));
        assertEquals(0, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED));
    }

    /** Waits out call control's 8 s for the key (not configurable in the server), so the slowest test here. */
    @Test
    void shouldHangUpAfterTheCallbackOfferWhenTheCallerPressesNoKeyAtTheMaxWait() throws Exception {
        start(E2eServer.Options.defaults().withMaxWait(1, MaxWaitAction.CALLBACK));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), "the caller gets the server's BYE: " + result);
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallQueued sales", "MaxWaitReached sales CALLBACK", "CallEnded SYSTEM max wait"),
                acd.life(CallQueued.class, MaxWaitReached.class, CallbackRequested.class, CallEnded.class,
                        CallAbandoned.class));
        long offeredAt = acd.journaled(MaxWaitReached.class).get(0).at();
        long endedAt = acd.journaled(CallEnded.class).get(0).at();
        assertTrue(endedAt - offeredAt >= 7_500, "the caller had the key timeout to press 1: " + (endedAt - offeredAt));
        ReportRow stats = totals();
        assertEquals(0, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED), "the server hung up, the caller did not abandon");
    }

    @Test
    void shouldSayGoodbyeAndHangUpWithoutCountingAnAbandonWhenTheMaxWaitIsReached() throws Exception {
        start(E2eServer.Options.defaults().withMaxWait(1, MaxWaitAction.HANG_UP));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), "the caller gets the server's BYE: " + result);
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued sales", "MaxWaitReached sales HANG_UP",
                "CallEnded SYSTEM max wait reached in queue sales"), acd.life(CallArrived.class,
                CallClassified.class, CallQueued.class, MaxWaitReached.class, CallEnded.class, CallAbandoned.class));
        MaxWaitReached reached = acd.journaled(MaxWaitReached.class).get(0);
        CallQueued queued = acd.journaled(CallQueued.class).get(0);
        assertTrue(reached.at() - queued.at() >= 1_000, "waited the 1 s");
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.OFFERED));
        assertEquals(0, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED), "the server hung up, the caller did not abandon");
        assertEquals(0, stats.value(Metric.CALLBACKS_REQUESTED));
    }

    // ---- the rest of the inbound and outbound paths -------------------------------------------------------------

    @Test
    void shouldQueueTheCallInTheMenusQueueWhenTheCallerPressesItsKey() throws Exception {
        assumeTrue(Files.isReadable(Path.of(DTMF_PCAP)), "sip-tester's DTMF pcap " + DTMF_PCAP);
        start(E2eServer.Options.defaults());
        TestPhone cara = closing(acd.rep("127.0.0.3", CARA));
        Sipp caller = caller("uac-menu-press-2", MENU_NUMBER);
        await().atMost(LIMIT).until(() -> cara.events.contains("ack"));
        cara.hangUp(cara.lastDialog());
        Sipp.Result result = caller.await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallArrived", "MenuChosen 2 support", "CallClassified", "CallQueued support",
                "CallOffered cara.diaz", "CallAnswered cara.diaz", "CallEnded REP BYE"),
                acd.life(CallArrived.class, MenuChosen.class, CallClassified.class, CallQueued.class,
                        CallOffered.class, CallAnswered.class, CallEnded.class));
        assertEquals(1, queue("support").value(Metric.ANSWERED));
        assertEquals(0, totals().value(Metric.ABANDONED));
    }

    @Test
    void shouldOfferTheCallToTheNextRepWhenTheFirstDeclinesWith603() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        ava.mode = TestPhone.Mode.REJECT;
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        Sipp caller = caller("uac-call-wait-bye", SALES_NUMBER);
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        ben.hangUp(ben.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallOffered ava.chen", "OfferFailed ava.chen REJECTED", "CallOffered ben.okafor",
                "CallAnswered ben.okafor", "CallEnded REP BYE"), acd.life(CallOffered.class, OfferFailed.class,
                RepMarkedNotReady.class, CallAnswered.class, CallEnded.class));
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, AVA).value(Metric.OFFERS_REJECTED));
        assertEquals(1, totals().value(Metric.ANSWERED));
    }

    @Test
    void shouldRefuseARepsOutboundCallWith403NamingTheRuleWhenADialRuleRefusesTheNumber() throws Exception {
        Sipp carrier = carrier("uas-answer");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + carrier.localPort())
                .withDialRules("deny ^\\+?1900", "allow ^\\+?[0-9]{6,15}$"));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        SipMessage refused = ava.callWithDigest("+19005550123", acd.sipAddress()).finalResponse
                .get(10, TimeUnit.SECONDS);

        assertEquals(403, refused.statusCode());
        assertTrue(reason(refused).contains("dial rule 1"), reason(refused));
        assertEquals(List.of(), acd.life(CallArrived.class, CallAnswered.class, CallEnded.class),
                "a refused number makes no call");
    }

    @Test
    void shouldRefuseARepsOutboundCallWith403WhenTheRepHasNoRegisteredSoftphone() throws Exception {
        Sipp carrier = carrier("uas-answer");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + carrier.localPort()));
        TestPhone cara = closing(TestPhone.start("127.0.0.3"));
        cara.useCredentials(CARA, E2eServer.password(CARA));
        SipMessage refused = cara.callWithDigest("+15557654321", acd.sipAddress()).finalResponse
                .get(10, TimeUnit.SECONDS);

        assertEquals(403, refused.statusCode());
        assertTrue(reason(refused).contains("no registered softphone"),
                reason(refused));
        assertEquals(List.of(), acd.life(CallArrived.class, CallAnswered.class, CallEnded.class));
    }

    @Test
    void shouldChallengeAgainAndPlaceNoCallWhenSomeoneWhoIsNoRepDialsOut() throws Exception {
        Sipp carrier = carrier("uas-answer");
        start(E2eServer.Options.defaults().withTrunk("127.0.0.1:" + carrier.localPort()));
        TestPhone stranger = closing(TestPhone.start("127.0.0.2"));
        stranger.useCredentials("mallory", "guess");
        SipMessage answer = stranger.callWithDigest("+15557654321", acd.sipAddress()).finalResponse
                .get(10, TimeUnit.SECONDS);

        assertEquals(407, answer.statusCode(), "credentials of no softphone user are challenged again");
        assertEquals(List.of(), acd.life(CallArrived.class, CallAnswered.class, CallEnded.class));
    }
}

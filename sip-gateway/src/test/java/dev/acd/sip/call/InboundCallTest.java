package dev.acd.sip.call;

import dev.acd.testkit.Tones;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.TransferTarget;
import dev.acd.sip.message.SipMessage;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.Party;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.model.Direction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customers' calls from the trunk through queue, offer and bridge to their end, on loopback with real RTP. */
class InboundCallTest {
    private Phone trunk;
    private Phone ava;
    private Phone ben;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        trunk = Phone.start(Gateway.TRUNK_HOST);
        ava = Phone.start("127.0.0.1");
        ben = Phone.start("127.0.0.1");
        gateway = new Gateway(trunk.sipAddress());
        ava.register(gateway.address(), "ava.chen");
        ben.register(gateway.address(), "ben.okafor");
    }

    @AfterEach
    void stop() {
        gateway.close();
        trunk.close();
        ava.close();
        ben.close();
    }

    private long queuedCall(Phone.Call call) {
        CallArrived arrived = gateway.awaitEvent(CallArrived.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> call.finalResponse.isDone());
        return arrived.callId();
    }

    @Test
    void shouldBridgeCallerAndRepBothWaysAndRecordBothWhenRepAnswers() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        assertEquals(200, call.finalResponse.get().statusCode());
        CallArrived arrived = gateway.first(CallArrived.class);
        assertEquals(Direction.INBOUND, arrived.direction());
        assertEquals("l-sales", arrived.lineId());
        assertEquals(Gateway.KNOWN_CALLER, arrived.from());
        CallClassified classified = gateway.first(CallClassified.class);
        assertEquals("strategic", classified.segment());
        assertEquals("q-sales", classified.queueId());
        // music on hold reaches the caller while queued
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.heard().length >= 1600);

        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        CallAnswered answered = gateway.awaitEvent(CallAnswered.class);
        assertEquals("rep-ava", answered.repId());
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.remoteRtp() != null && !ava.dialogs.isEmpty());

        trunk.forget();
        ava.forget();
        trunk.sendTone(1000, 60);
        ava.sendTone(2000, 60);
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(ava.heard(), 4000, 1000, 2000));
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(trunk.heard(), 4000, 2000, 1000));
        Gateway.TapRecording recording = gateway.recordings.get(callId);
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(recording.caller(), 4000, 1000, 2000)
                && Tones.lastDominates(recording.rep(), 4000, 2000, 1000));

        trunk.hangUp(call.dialog);
        CallEnded ended = gateway.awaitEvent(CallEnded.class);
        assertEquals(Party.CUSTOMER, ended.endedBy());
        RecordingReady ready = gateway.awaitEvent(RecordingReady.class);
        assertEquals(callId, ready.callId());
        assertEquals("/recordings/test.wav", ready.path());
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("ended: BYE received"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered", "CallEnded", "RecordingReady"),
                gateway.callEventNames());
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }

    @Test
    void shouldRingTheRepWhenTheRouterOffersTheCallBeforeTheCallerIsAnswered() throws Exception {
        // A router on its own thread that offers the call while the gateway's loop is still publishing it, as the
        // real router did under load (perf/RESULTS.md): the offer must not be lost.
        gateway.onPublish = event -> {
            if (event instanceof CallArrived arrived) {
                java.util.concurrent.CompletableFuture.runAsync(() -> gateway.control.onCommand(
                        new OfferCall(arrived.callId(), "rep-ava", Gateway.softphone("ava.chen"), 10))).join();
            }
        };
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        queuedCall(call);

        CallAnswered answered = gateway.awaitEvent(CallAnswered.class);
        assertEquals("rep-ava", answered.repId());
        assertEquals(0, gateway.control.counters().ignoredCommands());
    }

    @Test
    void shouldReportNoAnswerAndCancelThenConnectTheNextRepWhenFirstRepDoesNotAnswer() throws Exception {
        ava.mode = Phone.Mode.NO_ANSWER;
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);

        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 1));
        OfferFailed failed = gateway.awaitEvent(OfferFailed.class);
        assertEquals(OfferFailure.NO_ANSWER, failed.failure());
        assertEquals("rep-ava", failed.repId());
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("cancelled"));

        gateway.control.onCommand(new OfferCall(callId, "rep-ben", Gateway.softphone("ben.okafor"), 10));
        assertEquals("rep-ben", gateway.awaitEvent(CallAnswered.class).repId());
        assertEquals(List.of("CallArrived", "CallClassified", "OfferFailed", "CallAnswered"), gateway.callEventNames());
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallEnded.class);
    }

    @Test
    void shouldReportBusyWhenRepPhoneAnswers486AndRejectedOn603() throws Exception {
        ava.mode = Phone.Mode.BUSY;
        ben.mode = Phone.Mode.REJECT;
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);

        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        assertEquals(OfferFailure.BUSY, gateway.awaitEvent(OfferFailed.class).failure());
        gateway.control.onCommand(new OfferCall(callId, "rep-ben", Gateway.softphone("ben.okafor"), 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.count(OfferFailed.class) == 2);
        assertEquals(OfferFailure.REJECTED, gateway.events.stream().filter(OfferFailed.class::isInstance)
                .map(OfferFailed.class::cast).toList().get(1).failure());
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallAbandoned.class);
    }

    @Test
    void shouldReportUnreachableAtOnceWhenRepHasNoRegisteredPhone() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);

        gateway.control.onCommand(new OfferCall(callId, "rep-nobody", Gateway.softphone("nobody"), 10));
        OfferFailed failed = gateway.awaitEvent(OfferFailed.class);
        assertEquals(OfferFailure.UNREACHABLE, failed.failure());
        assertEquals("rep-nobody", failed.repId());
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallAbandoned.class);
    }

    @Test
    void shouldPublishAbandonedWhenCallerHangsUpWhileQueued() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        trunk.hangUp(call.dialog);
        assertEquals(callId, gateway.awaitEvent(CallAbandoned.class).callId());
        assertEquals(List.of("CallArrived", "CallClassified", "CallAbandoned"), gateway.callEventNames());
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }

    @Test
    void shouldCancelTheRingingRepAndPublishAbandonedWhenCallerHangsUpWhileRinging() throws Exception {
        ava.mode = Phone.Mode.NO_ANSWER;
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 30));
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("invite"));
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallAbandoned.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("cancelled"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallAbandoned"), gateway.callEventNames());
    }

    @Test
    void shouldByeTheCallerAndSayRepEndedWhenRepHangsUp() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        gateway.awaitEvent(CallAnswered.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ava.dialogs.isEmpty());
        ava.hangUp(ava.dialogs.get(0));
        CallEnded ended = gateway.awaitEvent(CallEnded.class);
        assertEquals(Party.REP, ended.endedBy());
        assertEquals("BYE", ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received"));
        gateway.awaitEvent(RecordingReady.class);
    }

    @Test
    void shouldPlayMusicToCallerAndPublishHeldThenResumedWhenRepHoldsAndResumes() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        gateway.awaitEvent(CallAnswered.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ava.dialogs.isEmpty());

        assertEquals(200, ava.reInvite(ava.dialogs.get(0), "sendonly").get(5, TimeUnit.SECONDS));
        gateway.awaitEvent(CallHeld.class);
        trunk.forget();
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.heard().length >= 8000);
        assertEquals(List.of(true), gateway.recordings.get(callId).holds);

        assertEquals(200, ava.reInvite(ava.dialogs.get(0), "sendrecv").get(5, TimeUnit.SECONDS));
        gateway.awaitEvent(CallResumed.class);
        trunk.forget();
        ava.sendTone(2000, 60);
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(trunk.heard(), 4000, 2000, 1000));
        assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered", "CallHeld", "CallResumed"),
                gateway.callEventNames());
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallEnded.class);
    }

    @Test
    void shouldNotifyByeRepAndQueueCallerAgainWhenRepTransfersToQueue() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        gateway.awaitEvent(CallAnswered.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ava.dialogs.isEmpty());

        assertEquals(202, ava.refer(ava.dialogs.get(0), "sip:q-renewals@127.0.0.1").get(5, TimeUnit.SECONDS));
        CallTransferred transferred = gateway.awaitEvent(CallTransferred.class);
        assertEquals(TransferTarget.QUEUE, transferred.targetKind());
        assertEquals("q-renewals", transferred.target());
        assertEquals("rep-ava", transferred.repId());
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("notify: SIP/2.0 200 OK")
                && ava.events.contains("ended: BYE received"));
        trunk.forget();
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.heard().length >= 4000);

        gateway.control.onCommand(new OfferCall(callId, "rep-ben", Gateway.softphone("ben.okafor"), 10));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.count(CallAnswered.class) == 2);
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallEnded.class);
        assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered", "CallTransferred", "CallAnswered",
                "CallEnded", "RecordingReady"), gateway.callEventNames());
    }

    @Test
    void shouldAnswer404WhenDialledNumberIsNoLine() throws Exception {
        Phone.Call call = trunk.call("+15559999999", gateway.address());
        assertEquals(404, call.finalResponse.get(5, TimeUnit.SECONDS).statusCode());
        assertTrue(gateway.callEventNames().isEmpty());
    }

    @Test
    void shouldAnswer403WhenLineIsCalledFromSourceNotOnTrunkAllowList() throws Exception {
        try (Phone stranger = Phone.start("127.0.0.3")) {
            Phone.Call call = stranger.call(Gateway.LINE_NUMBER, gateway.address());
            SipMessage response = call.finalResponse.get(5, TimeUnit.SECONDS);
            assertEquals(403, response.statusCode());
            assertTrue(response.toString().contains("127.0.0.3"), response.toString());
        }
        assertTrue(gateway.callEventNames().isEmpty());
    }

    @Test
    void shouldPublishSystemEndThenByeCallerAfterGoodbyeWhenRouterHangsUp() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new HangUpCall(callId, "max wait reached in queue q-sales"));
        CallEnded ended = gateway.awaitEvent(CallEnded.class);
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals("max wait reached in queue q-sales", ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallEnded"), gateway.callEventNames());
    }

    @Test
    void shouldRequestCallbackWithCallerNumberWhenCallerPressesOneAfterCallbackOffer() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCallback(callId));
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.remoteRtp() != null);
        trunk.sendDigit(1);
        CallbackRequested requested = gateway.awaitEvent(CallbackRequested.class);
        assertEquals(Gateway.KNOWN_CALLER, requested.number());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallbackRequested"), gateway.callEventNames());
    }

    @Test
    void shouldEndTheCallPolitelyWhenCallerDeclinesTheCallbackOfferedAtMaxWait() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCallback(callId, true));
        // no key within the gateway's callbackKeyTimeoutMs (2 s): the router let the call go, so do we
        CallEnded ended = gateway.awaitEvent(CallEnded.class);
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals("max wait", ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallEnded"), gateway.callEventNames());
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }

    @Test
    void shouldKeepWaitingWhenNoKeyIsPressedAfterACallbackTiersOffer() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        trunk.forget();
        gateway.control.onCommand(new OfferCallback(callId, false));
        // the callback prompt is 3,200 samples, then silence until callbackKeyTimeoutMs (2 s) runs out; hearing
        // twice that means the music is back, and the call is still there to offer
        await().atMost(Duration.ofSeconds(6)).until(() -> trunk.heard().length >= 6400);
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        gateway.awaitEvent(CallAnswered.class);
        assertEquals(0, gateway.count(CallEnded.class));
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallEnded.class);
    }

    @Test
    void shouldKeepWaitingWhenCallerPressesAnotherKeyAfterCallbackOffer() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCallback(callId));
        trunk.sendDigit(2);
        // a wrong key ends nothing: the call can still be offered and connected
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        gateway.awaitEvent(CallAnswered.class);
        assertEquals(0, gateway.count(CallbackRequested.class));
        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallEnded.class);
    }
}

package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caller hangs up while a rep's phone rings and the rep answers anyway: the call ends once, as abandoned, and the
 * rep's late 200 is ACKed and then hung up with BYE (RFC 3261 sections 9.1, 13.2.2.4 and 15), so no leg and no rep
 * is left on a call. The test plays the router and holds the rep's answer until the caller has gone.
 */
class CallerLeavesDuringOfferTest {
    private Phone trunk;
    private HeldAnswerPhone rep;
    private Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        trunk = Phone.start(Gateway.TRUNK_HOST);
        gateway = new Gateway(trunk.sipAddress());
    }

    @AfterEach
    void stop() {
        gateway.close();
        trunk.close();
        if (rep != null) {
            rep.close();
        }
    }

    private Phone.Call answeredCall() throws Exception {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        gateway.awaitEvent(CallArrived.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> call.finalResponse.isDone());
        return call;
    }

    private void offerToHeldPhone(boolean rings) throws Exception {
        rep = new HeldAnswerPhone(rings);
        long callId = gateway.first(CallArrived.class).callId();
        gateway.control.onCommand(new OfferCall(callId, "rep-ben", new Reach(ReachKind.SIP_URI, rep.uri()), 30));
        await().atMost(Duration.ofSeconds(5)).until(rep::rung);
    }

    /** The rep's late 200 was ACKed, then hung up, and the gateway keeps no call and no dialog. */
    private void assertRepHungUpAndNothingLeft() {
        await().atMost(Duration.ofSeconds(5)).until(() -> rep.requests.contains("BYE"));
        List<String> seen = rep.requests;
        assertTrue(seen.indexOf("ACK") >= 0 && seen.indexOf("ACK") < seen.indexOf("BYE"),
                "ACK then BYE for the late 200: " + seen);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0
                && gateway.stack.core().dialogCount() == 0);
        assertEquals(0, gateway.count(CallAnswered.class) - gateway.count(CallTransferred.class),
                "no rep is left answering: " + gateway.callEventNames());
    }

    @Test
    void shouldAckThenByeTheRepsLateAnswerAndPublishOnlyAbandonedWhenTheAnswerCrossesOurCancel() throws Exception {
        Phone.Call call = answeredCall();
        offerToHeldPhone(true);

        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallAbandoned.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> rep.requests.contains("CANCEL"));
        rep.answer();

        assertRepHungUpAndNothingLeft();
        assertEquals(List.of("CallArrived", "CallClassified", "CallAbandoned"), gateway.callEventNames());
    }

    @Test
    void shouldAckThenByeTheRepsAnswerWhenTheCallerLeftBeforeThePhoneRang() throws Exception {
        Phone.Call call = answeredCall();
        offerToHeldPhone(false); // no 180: our CANCEL must wait for one, and the 200 comes instead

        trunk.hangUp(call.dialog);
        gateway.awaitEvent(CallAbandoned.class);
        rep.answer();

        assertRepHungUpAndNothingLeft();
        assertFalse(rep.requests.contains("CANCEL"), "no CANCEL before a provisional response: " + rep.requests);
        assertEquals(List.of("CallArrived", "CallClassified", "CallAbandoned"), gateway.callEventNames());
    }

    @Test
    void shouldEndTheCallOnceAndCloseItsRecordingWhenTheCallerLeavesDuringATransfersNewOffer() throws Exception {
        Phone ava = Phone.start("127.0.0.1");
        try {
            ava.register(gateway.address(), "ava.chen");
            Phone.Call call = answeredCall();
            long callId = gateway.first(CallArrived.class).callId();
            gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
            gateway.awaitEvent(CallAnswered.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> !ava.dialogs.isEmpty());
            assertEquals(202, ava.refer(ava.dialogs.get(0), "sip:q-renewals@127.0.0.1").get(5, TimeUnit.SECONDS));
            gateway.awaitEvent(CallTransferred.class);
            offerToHeldPhone(true);

            trunk.hangUp(call.dialog);
            gateway.awaitEvent(CallAbandoned.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> rep.requests.contains("CANCEL"));
            rep.answer();

            assertRepHungUpAndNothingLeft();
            // the first rep's talk was recorded: its file is closed and told, not left open with the call gone
            gateway.awaitEvent(RecordingReady.class);
            assertTrue(gateway.recordings.get(callId).closed);
            assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered", "CallTransferred", "CallAbandoned",
                    "RecordingReady"), gateway.callEventNames());
        } finally {
            ava.close();
        }
    }
}

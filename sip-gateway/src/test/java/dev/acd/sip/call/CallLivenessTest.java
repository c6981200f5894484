package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.Party;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.TimerSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls whose peers vanish without a word (the overload failure: SIPp callers and answerers that time out forget
 * the call, no BYE, no CANCEL) still end, and a shortage of RTP ports is ours, not the rep's. Short SIP timers
 * (T1 = 20 ms, so an unanswered OPTIONS gives up after 1.28 s) and short keepalives stand in for the defaults.
 */
class CallLivenessTest {
    private static final TimerSettings FAST_TIMERS = new TimerSettings(20, 160, 200);

    private Phone trunk;
    private Phone ava;
    private Gateway gateway;

    private void start(Gateway.Tuning tuning) throws Exception {
        trunk = Phone.start(Gateway.TRUNK_HOST);
        ava = Phone.start("127.0.0.1");
        gateway = new Gateway(trunk.sipAddress(), tuning);
        ava.register(gateway.address(), "ava.chen");
    }

    private static Gateway.Tuning tuning(long keepaliveMs, long rtpTimeoutMs, int portPairs) {
        return new Gateway.Tuning(FAST_TIMERS, keepaliveMs, rtpTimeoutMs, 500, 100, portPairs);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        trunk.close();
        ava.close();
    }

    /** A caller answered and queued; returns our call id. */
    private long queuedCall(Phone.Call call) throws Exception {
        SipMessage answer = call.finalResponse.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer == null ? 0 : answer.statusCode(), () -> answer + " / " + trunk.events + " / "
                + gateway.events);
        return gateway.awaitEvent(CallArrived.class).callId();
    }

    /** A caller bridged to ava. */
    private long connectedCall(Phone.Call call) throws Exception {
        long callId = queuedCall(call);
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 5));
        gateway.awaitEvent(CallAnswered.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ava.dialogs.isEmpty() && ava.events.contains("answered"));
        return callId;
    }

    private CallEnded awaitEnded() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> gateway.first(CallEnded.class), e -> e != null);
    }

    @Test
    void shouldEndTheCallAndByeTheCallerWhenTheRepPhoneVanishesAfterAnswering() throws Exception {
        start(tuning(200, 0, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = connectedCall(call);

        ava.close(); // gone without a BYE: its socket is closed, nothing answers the keepalive

        CallEnded ended = awaitEnded();
        assertEquals(callId, ended.callId());
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals("rep leg lost: no answer to OPTIONS", ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
        assertEquals(1, gateway.control.counters().systemEnded());
    }

    @Test
    void shouldEndTheCallAndByeTheRepWhenTheCallerVanishesWhileTalking() throws Exception {
        start(tuning(200, 0, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        connectedCall(call);

        trunk.close();

        CallEnded ended = awaitEnded();
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals("customer leg lost: no answer to OPTIONS", ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.events.contains("ended: BYE received"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }

    @Test
    void shouldEndTheCallOnOurSideWhenTheByeWeSendIsNeverAnswered() throws Exception {
        start(tuning(0, 0, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        connectedCall(call);
        trunk.close(); // our BYE to the caller will get no answer

        ava.hangUp(ava.dialogs.get(0));

        CallEnded ended = awaitEnded();
        assertEquals(Party.REP, ended.endedBy());
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0
                && gateway.stack.core().dialogCount() == 0);
    }

    @Test
    void shouldReportUnreachableWhenTheRingingRepPhoneIsGoneAndItsInviteTimesOut() throws Exception {
        start(tuning(0, 0, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call);
        ava.close(); // still registered, but nothing answers the INVITE: Timer B (64*T1 = 1.28 s) ends the offer

        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 30));

        OfferFailed failed = gateway.awaitEvent(OfferFailed.class);
        assertEquals(dev.acd.core.event.OfferFailure.UNREACHABLE, failed.failure());
        assertNull(gateway.first(CallEnded.class), "the caller waits on for the next rep");
        assertEquals(1, gateway.control.liveCalls());
    }

    @Test
    void shouldPublishAbandonedWhenAQueuedCallerVanishes() throws Exception {
        start(tuning(200, 0, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        queuedCall(call);

        trunk.close();

        gateway.awaitEvent(CallAbandoned.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
        assertNull(gateway.first(CallEnded.class));
    }

    @Test
    void shouldKeepTheCallWhileBothLegsAnswerTheKeepalive() throws Exception {
        start(tuning(100, 0, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        connectedCall(call);
        Dialog repLeg = ava.dialogs.get(0);
        Dialog callerLeg = call.dialog;

        // several probes reached both phones (each raises the peer's CSeq in the dialog) and the call goes on
        await().atMost(Duration.ofSeconds(5)).until(() -> repLeg.remoteSeq() >= 4 && callerLeg.remoteSeq() >= 4);
        assertNull(gateway.first(CallEnded.class));
        assertEquals(1, gateway.control.liveCalls());
    }

    @Test
    void shouldHangUpWhenNoRtpComesFromEitherSideAfterMediaFlowed() throws Exception {
        start(tuning(0, 600, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = connectedCall(call);
        await().atMost(Duration.ofSeconds(5)).until(() -> ava.remoteRtp() != null && trunk.remoteRtp() != null);
        trunk.sendTone(1000, 10);
        ava.sendTone(2000, 10);

        CallEnded ended = awaitEnded();
        assertEquals(callId, ended.callId());
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertTrue(ended.reason().startsWith("no RTP from either side for "), ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received")
                && ava.events.contains("ended: BYE received"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }

    @Test
    void shouldNotHangUpASignallingOnlyCallThatNeverSentRtp() throws Exception {
        start(tuning(0, 300, 100));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        connectedCall(call);

        // many times the RTP timeout pass with no packet from either phone: a SIPp peer without media
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> gateway.first(CallEnded.class) == null);
        assertEquals(1, gateway.control.liveCalls());
    }

    @Test
    void shouldRefuseANewCallerWith503AndRetryAfterWhenNoRtpPortIsFree() throws Exception {
        start(tuning(0, 0, 1));
        Phone.Call first = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        queuedCall(first); // holds the only port pair

        Phone.Call second = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        SipMessage refused = second.finalResponse.get(5, TimeUnit.SECONDS);

        assertEquals(503, refused.statusCode());
        assertNotNull(refused.raw().getHeader("Retry-After"), refused.toString());
        assertEquals(1, gateway.control.counters().rtpPortShortages());
    }

    @Test
    void shouldEndWithASystemReasonAndNotChargeTheRepWhenNoRtpPortFreesForTheRepLeg() throws Exception {
        start(tuning(0, 0, 1));
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call); // the caller's leg holds the only port pair

        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 1));

        CallEnded ended = awaitEnded();
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals(InboundCall.NO_RTP_PORT, ended.reason());
        assertNull(gateway.first(OfferFailed.class), "the rep must not be charged with a failed offer");
        assertTrue(gateway.control.counters().rtpPortShortages() >= 2, "retried while the ring time lasted");
        assertTrue(ava.events.isEmpty() || !ava.events.contains("invite"), ava.events.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> trunk.events.contains("ended: BYE received"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }

    @Test
    void shouldRingTheRepOnceAPortComesFreeDuringTheOffer() throws Exception {
        start(tuning(0, 0, 2));
        RtpEndpoint taken = gateway.endpoints.open(gateway.stack.transports().nextLoop()).get(5, TimeUnit.SECONDS);
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = queuedCall(call); // the other pair

        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 5));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.counters().rtpPortShortages() >= 1);
        taken.close();

        assertEquals("rep-ava", gateway.awaitEvent(CallAnswered.class).repId());
        assertNull(gateway.first(OfferFailed.class));
        assertNull(gateway.first(CallEnded.class));
    }

    @Test
    void shouldGiveUpAnOutboundCallWhoseTrunkRingsPastTheDialTimeout() throws Exception {
        start(tuning(0, 0, 100));
        trunk.mode = Phone.Mode.NO_ANSWER; // 180, then nothing: a trunk that lost the call

        Phone.Call call = ava.callWithDigest(Gateway.KNOWN_CALLER, gateway.address(), "ava.chen");

        assertEquals(408, call.finalResponse.get(5, TimeUnit.SECONDS).statusCode());
        CallEnded ended = awaitEnded();
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals("trunk did not answer", ended.reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("cancelled"));
        await().atMost(Duration.ofSeconds(5)).until(() -> gateway.control.liveCalls() == 0);
    }
}

package dev.acd.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTransactionTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final Wire wire = new Wire(clock);
    private final RecordingUser user = new RecordingUser();
    private final SipMessage invite = SipFixtures.parse(SipFixtures.invite("z9hG4bKict", "ict-1", 1));
    private final SipMessage bye = SipFixtures.parse(SipFixtures.request("BYE", "z9hG4bKnict", "nict-1", 2));

    private InviteClientTransaction inviteTx(boolean reliable) {
        InviteClientTransaction tx = new InviteClientTransaction(invite, reliable, TimerSettings.DEFAULTS, clock,
                wire, user);
        tx.start();
        return tx;
    }

    private NonInviteClientTransaction byeTx(boolean reliable) {
        NonInviteClientTransaction tx = new NonInviteClientTransaction(bye, reliable, TimerSettings.DEFAULTS, clock,
                wire, user);
        tx.start();
        return tx;
    }

    @Test
    void shouldRetransmitInviteOnTimerADoublingUntilTimerBTimesOut() {
        InviteClientTransaction tx = inviteTx(false);

        clock.advance(31_999);
        assertEquals(List.of(0L, 500L, 1_500L, 3_500L, 7_500L, 15_500L, 31_500L), wire.times());
        assertEquals(TransactionState.CALLING, tx.state());

        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.clientTimeouts);
        assertEquals(7, wire.count());
    }

    @Test
    void shouldUseTheConfiguredT1WhenTimersAreShortened() {
        InviteClientTransaction tx = new InviteClientTransaction(invite, false, new TimerSettings(100, 400, 500),
                clock, wire, user);
        tx.start();

        clock.advance(6_400);

        assertEquals(List.of(0L, 100L, 300L, 700L, 1_500L, 3_100L, 6_300L), wire.times());
        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void shouldStopRetransmittingWhenAProvisionalArrives() {
        InviteClientTransaction tx = inviteTx(false);
        clock.advance(600);

        tx.receiveResponse(SipResponses.create(invite, 180, null));
        clock.advance(10_000);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(2, wire.count());
        assertEquals(180, user.responses.get(0).statusCode());
    }

    @Test
    void shouldLetACallRingPastTimerBOnceAProvisionalArrived() {
        InviteClientTransaction tx = inviteTx(false);
        tx.receiveResponse(SipResponses.create(invite, 180, null));

        clock.advance(10 * 60_000);

        assertEquals(TransactionState.PROCEEDING, tx.state(), "a phone may ring for minutes");
        assertEquals(0, user.clientTimeouts);
        tx.receiveResponse(SipResponses.create(invite, 200, null));
        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void shouldGiveUpSixtyFourT1AfterOurCancelWhenNoFinalResponseComes() {
        InviteClientTransaction tx = inviteTx(false);
        tx.receiveResponse(SipResponses.create(invite, 180, null));
        clock.advance(45_000);

        tx.cancelSent();
        clock.advance(31_999);
        assertEquals(TransactionState.PROCEEDING, tx.state());

        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.clientTimeouts);
    }

    @Test
    void shouldAckANon2xxFinalInsideTheTransactionAndAbsorbItsRetransmissions() {
        InviteClientTransaction tx = inviteTx(false);
        SipMessage busy = SipResponses.create(invite, 486, null);

        tx.receiveResponse(busy);

        assertEquals(TransactionState.COMPLETED, tx.state());
        SipMessage ack = wire.last();
        assertEquals("ACK", ack.method());
        assertEquals(invite.branch(), ack.branch());
        assertEquals(invite.cseqNumber(), ack.cseqNumber());
        assertEquals("ACK", ack.cseqMethod());
        assertEquals(busy.toTag(), ack.toTag());
        assertEquals(invite.callId(), ack.callId());

        tx.receiveResponse(busy);
        assertEquals(3, wire.count());
        assertEquals("ACK", wire.last().method());
        assertEquals(1, user.responses.size());

        clock.advance(TimerSettings.MIN_TIMER_D_MS - 1);
        assertEquals(TransactionState.COMPLETED, tx.state());
        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, user.clientTimeouts);
    }

    @Test
    void shouldTerminateWithoutAckingWhenA2xxArrives() {
        InviteClientTransaction tx = inviteTx(false);
        SipMessage ok = SipResponses.create(invite, 200, null);

        tx.receiveResponse(ok);
        clock.advance(60_000);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertSame(ok, user.responses.get(0));
        assertEquals(1, wire.count());
    }

    @Test
    void shouldNeitherRetransmitNorWaitOnTimerDWhenTheTransportIsReliable() {
        InviteClientTransaction tx = inviteTx(true);
        clock.advance(10_000);
        assertEquals(1, wire.count());

        tx.receiveResponse(SipResponses.create(invite, 603, null));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals("ACK", wire.last().method());
    }

    @Test
    void shouldRetransmitNonInviteOnTimerECappedAtT2UntilTimerF() {
        NonInviteClientTransaction tx = byeTx(false);

        clock.advance(31_999);
        assertEquals(List.of(0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L,
                31_500L), wire.times());

        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.clientTimeouts);
    }

    @Test
    void shouldRetransmitEveryT2WhenProceeding() {
        NonInviteClientTransaction tx = byeTx(false);
        clock.advance(600);
        tx.receiveResponse(SipResponses.create(bye, 100, null));

        clock.advance(9_000);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        // E was due at 1500 (set in TRYING); from then on it is T2
        assertEquals(List.of(0L, 500L, 1_500L, 5_500L, 9_500L), wire.times());
    }

    @Test
    void shouldAbsorbRetransmittedFinalsUntilTimerK() {
        NonInviteClientTransaction tx = byeTx(false);
        SipMessage ok = SipResponses.create(bye, 200, null);

        tx.receiveResponse(ok);
        tx.receiveResponse(ok);
        clock.advance(TimerSettings.DEFAULT_T4_MS - 1);

        assertEquals(1, user.responses.size());
        assertEquals(1, wire.count());
        assertEquals(TransactionState.COMPLETED, tx.state());
        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void shouldTerminateAtOnceOnAFinalWhenTheTransportIsReliable() {
        NonInviteClientTransaction tx = byeTx(true);

        tx.receiveResponse(SipResponses.create(bye, 200, null));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertFalse(tx.isRunning(TransactionTimer.TIMER_F));
    }
    @Test
    void shouldStillTimeOutOnTimerBWithoutRetransmittingWhenTheTransportIsReliable() {
        InviteClientTransaction tx = inviteTx(true);

        clock.advance(TimerSettings.DEFAULTS.timeoutMs() - 1);
        assertEquals(TransactionState.CALLING, tx.state());
        assertEquals(1, wire.count(), "no Timer A on a reliable transport");

        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.clientTimeouts);
    }

    @Test
    void shouldTimeOutOnTimerFWhenProceedingWithoutAFinal() {
        NonInviteClientTransaction tx = byeTx(false);
        tx.receiveResponse(SipResponses.create(bye, 100, null));

        clock.advance(TimerSettings.DEFAULTS.timeoutMs() - 1);
        assertEquals(TransactionState.PROCEEDING, tx.state());
        clock.advance(1);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.clientTimeouts);
        assertEquals(List.of(100), user.responses.stream().map(SipMessage::statusCode).toList());
    }

    @Test
    void shouldTimeOutOnTimerFWithoutRetransmittingWhenTheTransportIsReliable() {
        NonInviteClientTransaction tx = byeTx(true);

        clock.advance(TimerSettings.DEFAULTS.timeoutMs());

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, wire.count(), "no Timer E on a reliable transport");
        assertEquals(1, user.clientTimeouts);
    }
}

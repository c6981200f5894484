package dev.acd.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerTransactionTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final Wire wire = new Wire(clock);
    private final RecordingUser user = new RecordingUser();
    private final SipMessage invite = SipFixtures.parse(SipFixtures.invite("z9hG4bKist", "ist-1", 1));
    private final SipMessage options = SipFixtures.parse(SipFixtures.request("OPTIONS", "z9hG4bKnist", "nist-1", 1));

    private InviteServerTransaction inviteTx(boolean reliable) {
        InviteServerTransaction tx = new InviteServerTransaction(invite, reliable, TimerSettings.DEFAULTS, clock,
                wire, user);
        tx.start();
        return tx;
    }

    private static SipMessage ackFor(SipMessage invite, SipMessage response) {
        String text = SipFixtures.request("ACK", invite.branch(), invite.callId(), invite.cseqNumber())
                .replace("To: <sip:sales@acd.example>", "To: <sip:sales@acd.example>;tag=" + response.toTag());
        return SipFixtures.parse(text);
    }

    @Test
    void shouldSend100TryingAtOnceAndResendTheLastProvisionalWhenTheInviteIsRetransmitted() {
        InviteServerTransaction tx = inviteTx(false);
        assertEquals(100, wire.last().statusCode());

        tx.receiveRequest(invite);
        assertEquals(2, wire.count());
        assertEquals(100, wire.last().statusCode());

        tx.respond(SipResponses.create(invite, 180, null));
        tx.receiveRequest(invite);
        assertEquals(180, wire.last().statusCode());
        assertEquals(4, wire.count());
        assertEquals(TransactionState.PROCEEDING, tx.state());
    }

    @Test
    void shouldRetransmitANon2xxFinalOnTimerGUntilTimerHWhenNoAckComes() {
        InviteServerTransaction tx = inviteTx(false);
        tx.respond(SipResponses.create(invite, 486, null));

        clock.advance(31_999);
        assertEquals(List.of(0L, 0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L,
                31_500L), wire.times());
        assertEquals(TransactionState.COMPLETED, tx.state());

        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.serverTimeouts);
    }

    @Test
    void shouldConfirmOnAckAndAbsorbAckRetransmissionsUntilTimerI() {
        InviteServerTransaction tx = inviteTx(false);
        SipMessage busy = SipResponses.create(invite, 486, null);
        tx.respond(busy);
        clock.advance(600);
        SipMessage ack = ackFor(invite, busy);

        tx.receiveRequest(ack);
        tx.receiveRequest(ack);
        clock.advance(TimerSettings.DEFAULT_T4_MS - 1);

        assertEquals(TransactionState.CONFIRMED, tx.state());
        assertEquals(3, wire.count()); // 100, 486, one Timer G retransmission before the ACK
        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, user.serverTimeouts);
    }

    @Test
    void shouldResendTheFinalWhenTheInviteIsRetransmittedInCompleted() {
        InviteServerTransaction tx = inviteTx(false);
        SipMessage busy = SipResponses.create(invite, 486, null);
        tx.respond(busy);

        tx.receiveRequest(invite);

        assertSame(busy, wire.last());
        assertEquals(3, wire.count());
    }

    @Test
    void shouldAbsorbInviteRetransmissionsAfterA2xxUntilTimerLWithoutAStray100() {
        InviteServerTransaction tx = inviteTx(false);
        SipMessage ok = SipResponses.create(invite, 200, null);
        tx.respond(ok);
        assertEquals(TransactionState.ACCEPTED, tx.state());

        // a caller that retransmitted while we were slow: its copies must not be answered with 100 Trying again
        tx.receiveRequest(invite);
        clock.advance(1_000);
        tx.receiveRequest(invite);
        assertEquals(List.of(100, 200), wire.statuses());

        // the core's own 2xx retransmission still goes out through the accepted transaction
        tx.respond(ok);
        assertSame(ok, wire.last());

        clock.advance(31_000);
        assertEquals(TransactionState.TERMINATED, tx.state(), "timer L is 64*T1");
        assertEquals(3, wire.count());
        assertEquals(0, user.serverTimeouts);
    }

    @Test
    void shouldRefuseAResponseWhenTheFinalWasAlreadySent() {
        InviteServerTransaction tx = inviteTx(false);
        tx.respond(SipResponses.create(invite, 486, null));

        assertThrows(IllegalStateException.class, () -> tx.respond(SipResponses.create(invite, 200, null)));
    }

    @Test
    void shouldSkipTimerGAndEndAtOnceOnAckWhenTheTransportIsReliable() {
        InviteServerTransaction tx = inviteTx(true);
        SipMessage busy = SipResponses.create(invite, 486, null);
        tx.respond(busy);
        clock.advance(10_000);
        assertEquals(2, wire.count());

        tx.receiveRequest(ackFor(invite, busy));

        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void shouldDropRetransmissionsWhenTryingAndResendTheFinalWhenCompleted() {
        NonInviteServerTransaction tx = new NonInviteServerTransaction(options, false, TimerSettings.DEFAULTS, clock,
                wire);

        tx.receiveRequest(options);
        assertEquals(0, wire.count());

        tx.respond(SipResponses.create(options, 200, null));
        tx.receiveRequest(options);
        assertEquals(2, wire.count());
        assertEquals(200, wire.last().statusCode());

        clock.advance(TimerSettings.DEFAULTS.timeoutMs() - 1);
        assertEquals(TransactionState.COMPLETED, tx.state());
        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void shouldResendTheProvisionalWhenProceeding() {
        NonInviteServerTransaction tx = new NonInviteServerTransaction(options, false, TimerSettings.DEFAULTS, clock,
                wire);
        tx.respond(SipResponses.create(options, 100, null));

        tx.receiveRequest(options);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(100, 100), wire.sent.stream().map(s -> s.message().statusCode()).toList());
    }

    @Test
    void shouldTerminateAtOnceOnAFinalWhenTheNonInviteTransportIsReliable() {
        NonInviteServerTransaction tx = new NonInviteServerTransaction(options, true, TimerSettings.DEFAULTS, clock,
                wire);

        tx.respond(SipResponses.create(options, 200, null));

        assertEquals(TransactionState.TERMINATED, tx.state());
    }
    @Test
    void shouldTimeOutOnTimerHWithoutRetransmittingWhenTheTransportIsReliable() {
        InviteServerTransaction tx = inviteTx(true);
        tx.respond(SipResponses.create(invite, 486, null));

        clock.advance(TimerSettings.DEFAULTS.timeoutMs() - 1);
        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(2, wire.count(), "100 and 486, no Timer G on a reliable transport");

        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, user.serverTimeouts);
    }

    @Test
    void shouldCapTimerGAtT2WithShortenedTimers() {
        InviteServerTransaction tx = new InviteServerTransaction(invite, false, new TimerSettings(100, 400, 500),
                clock, wire, user);
        tx.start();
        tx.respond(SipResponses.create(invite, 486, null));

        clock.advance(6_399);
        assertEquals(List.of(0L, 0L, 100L, 300L, 700L, 1_100L, 1_500L), wire.times().subList(0, 7));
        assertEquals(TransactionState.COMPLETED, tx.state());
        clock.advance(1);

        assertEquals(TransactionState.TERMINATED, tx.state(), "Timer H is 64*T1 of the configured T1");
        assertEquals(1, user.serverTimeouts);
    }

    @Test
    void shouldAbsorbRequestRetransmissionsUntilTimerJAndNotTellTheCore() {
        NonInviteServerTransaction tx = new NonInviteServerTransaction(options, false, TimerSettings.DEFAULTS, clock,
                wire);
        tx.respond(SipResponses.create(options, 404, null));

        clock.advance(TimerSettings.DEFAULTS.timeoutMs() - 1);
        tx.receiveRequest(options);

        assertEquals(List.of(404, 404), wire.sent.stream().map(s -> s.message().statusCode()).toList());
        assertEquals(TransactionState.COMPLETED, tx.state());
        clock.advance(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
    }
}

package dev.acd.sip.transaction;

import static dev.acd.sip.transaction.TransactionState.CALLING;
import static dev.acd.sip.transaction.TransactionState.COMPLETED;
import static dev.acd.sip.transaction.TransactionState.PROCEEDING;
import static dev.acd.sip.transaction.TransactionState.TERMINATED;

import dev.acd.sip.message.SipMessage;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;

/**
 * The INVITE client transaction of RFC 3261 section 17.1.1 (figure 5): CALLING, PROCEEDING, COMPLETED, TERMINATED;
 * timers A, B and D. It sends the ACK for a non-2xx final itself (section 17.1.1.3); the ACK for a 2xx is the TU's.
 * A 2xx terminates it (RFC 3261; the TU absorbs 2xx retransmissions).
 */
public final class InviteClientTransaction extends ClientTransaction {
    private long timerAMs;
    private SipMessage ack;

    public InviteClientTransaction(SipMessage invite, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender, ClientTransactionUser user) {
        super(invite, CALLING, reliable, timers, scheduler, sender, user);
        if (!"INVITE".equals(invite.method())) {
            throw new IllegalArgumentException("an INVITE client transaction needs an INVITE, got " + invite);
        }
    }

    @Override
    public void start() {
        send(request());
        if (!reliable()) {
            timerAMs = timers().t1Ms();
            start(TransactionTimer.TIMER_A, timerAMs);
        }
        start(TransactionTimer.TIMER_B, timers().timeoutMs());
    }

    @Override
    public void receiveResponse(SipMessage response) {
        int status = response.statusCode();
        switch (state()) {
            case CALLING, PROCEEDING -> {
                if (status < 200) {
                    // Timer B guards CALLING only (figure 5): a call may ring as long as the callee lets it.
                    cancel(TransactionTimer.TIMER_A);
                    cancel(TransactionTimer.TIMER_B);
                    state(PROCEEDING);
                    user().onResponse(this, response);
                } else if (status < 300) {
                    user().onResponse(this, response);
                    state(TERMINATED);
                } else {
                    cancel(TransactionTimer.TIMER_A);
                    cancel(TransactionTimer.TIMER_B);
                    state(COMPLETED);
                    ack = ackFor(response);
                    send(ack);
                    user().onResponse(this, response);
                    start(TransactionTimer.TIMER_D, reliable() ? 0 : timers().timerDMs());
                }
            }
            case COMPLETED -> {
                if (status >= 300) {
                    send(ack);
                }
            }
            default -> {
                // TERMINATED: nothing matches any more
            }
        }
    }

    /**
     * Our CANCEL of this INVITE went out: if no final response comes within 64*T1 the INVITE is given up as timed
     * out (section 9.1), so a callee that never answers the CANCEL cannot keep the call forever.
     */
    public void cancelSent() {
        if (state() == PROCEEDING && !isRunning(TransactionTimer.TIMER_B)) {
            start(TransactionTimer.TIMER_B, timers().timeoutMs());
        }
    }

    @Override
    void fire(TransactionTimer timer) {
        switch (timer) {
            case TIMER_A -> {
                if (state() == CALLING) {
                    send(request());
                    timerAMs *= 2;
                    start(TransactionTimer.TIMER_A, timerAMs);
                }
            }
            case TIMER_B -> {
                if (state() == CALLING || state() == PROCEEDING) {
                    state(TERMINATED);
                    user().onTimeout(this);
                }
            }
            case TIMER_D -> state(TERMINATED);
            default -> throw new IllegalStateException(timer + " is not an INVITE client timer");
        }
    }

    /** The ACK for a non-2xx final (section 17.1.1.3): our INVITE's Via, Call-ID, From, CSeq number, the response's To. */
    private SipMessage ackFor(SipMessage response) {
        try {
            SIPRequest invite = (SIPRequest) request().raw();
            return SipMessage.of(invite.createErrorAck((To) ((SIPResponse) response.raw()).getTo()));
        } catch (javax.sip.SipException | java.text.ParseException e) {
            throw new IllegalStateException("cannot build the ACK for " + response, e);
        }
    }
}

package dev.acd.sip.transaction;

import static dev.acd.sip.transaction.TransactionState.ACCEPTED;
import static dev.acd.sip.transaction.TransactionState.COMPLETED;
import static dev.acd.sip.transaction.TransactionState.CONFIRMED;
import static dev.acd.sip.transaction.TransactionState.PROCEEDING;
import static dev.acd.sip.transaction.TransactionState.TERMINATED;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;

/**
 * The INVITE server transaction of RFC 3261 section 17.2.1 (figure 7) with RFC 6026's ACCEPTED state: PROCEEDING,
 * COMPLETED, CONFIRMED, ACCEPTED, TERMINATED; timers G, H, I and L. Sends 100 Trying as soon as it exists, absorbs
 * INVITE retransmissions by resending the last response, and absorbs the ACK of a non-2xx final. After a 2xx it stays
 * ACCEPTED for timer L, silently absorbing INVITE retransmissions: without that, a copy of the INVITE that arrives
 * after our 2xx (a caller who retransmitted while we were slow) would make a new transaction and a stray 100 Trying,
 * which callers such as SIPp take as a protocol error. Retransmitting the 2xx until the ACK is the UAS core's job
 * (section 13.3.1.4); a 2xx it passes here while ACCEPTED is sent.
 */
public final class InviteServerTransaction extends ServerTransaction {
    private long timerGMs;

    public InviteServerTransaction(SipMessage invite, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender, ServerTransactionUser user) {
        super(invite, PROCEEDING, reliable, timers, scheduler, sender, user);
        if (!"INVITE".equals(invite.method())) {
            throw new IllegalArgumentException("an INVITE server transaction needs an INVITE, got " + invite);
        }
    }

    /** Sends 100 Trying (section 17.2.1: the TU is not assumed to answer within 200 ms). */
    public void start() {
        sendResponse(SipResponses.create(request(), 100, null));
    }

    @Override
    public void receiveRequest(SipMessage request) {
        boolean ack = "ACK".equals(request.method());
        switch (state()) {
            case PROCEEDING -> {
                if (!ack) {
                    resendLastResponse();
                }
            }
            case COMPLETED -> {
                if (ack) {
                    cancel(TransactionTimer.TIMER_G);
                    cancel(TransactionTimer.TIMER_H);
                    state(CONFIRMED);
                    start(TransactionTimer.TIMER_I, reliable() ? 0 : timers().t4Ms());
                } else {
                    resendLastResponse();
                }
            }
            default -> {
                // CONFIRMED absorbs ACK retransmissions, ACCEPTED INVITE retransmissions; TERMINATED matches nothing
            }
        }
    }

    @Override
    public void respond(SipMessage response) {
        int status = response.statusCode();
        if (state() == ACCEPTED && status >= 200 && status < 300) {
            sendResponse(response);
            return;
        }
        if (state() != PROCEEDING) {
            refuseAfterFinal(response);
        }
        sendResponse(response);
        if (status < 200) {
            return;
        }
        if (status < 300) {
            state(ACCEPTED);
            start(TransactionTimer.TIMER_L, timers().timeoutMs());
            return;
        }
        state(COMPLETED);
        if (!reliable()) {
            timerGMs = timers().t1Ms();
            start(TransactionTimer.TIMER_G, timerGMs);
        }
        start(TransactionTimer.TIMER_H, timers().timeoutMs());
    }

    @Override
    void fire(TransactionTimer timer) {
        switch (timer) {
            case TIMER_G -> {
                if (state() == COMPLETED) {
                    resendLastResponse();
                    timerGMs = Math.min(2 * timerGMs, timers().t2Ms());
                    start(TransactionTimer.TIMER_G, timerGMs);
                }
            }
            case TIMER_H -> {
                if (state() == COMPLETED) {
                    state(TERMINATED);
                    user().onTimeout(this);
                }
            }
            case TIMER_I, TIMER_L -> state(TERMINATED);
            default -> throw new IllegalStateException(timer + " is not an INVITE server timer");
        }
    }
}

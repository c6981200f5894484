package dev.acd.sip.transaction;

import static dev.acd.sip.transaction.TransactionState.COMPLETED;
import static dev.acd.sip.transaction.TransactionState.CONFIRMED;
import static dev.acd.sip.transaction.TransactionState.PROCEEDING;
import static dev.acd.sip.transaction.TransactionState.TERMINATED;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;

/**
 * The INVITE server transaction of RFC 3261 section 17.2.1 (figure 7): PROCEEDING, COMPLETED, CONFIRMED,
 * TERMINATED; timers G, H and I. Sends 100 Trying as soon as it exists, absorbs INVITE retransmissions by resending
 * the last response, and absorbs the ACK of a non-2xx final. A 2xx terminates it: retransmitting the 2xx until the
 * ACK is the UAS core's job (section 13.3.1.4).
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
                // CONFIRMED absorbs ACK retransmissions; TERMINATED matches nothing
            }
        }
    }

    @Override
    public void respond(SipMessage response) {
        if (state() != PROCEEDING) {
            refuseAfterFinal(response);
        }
        int status = response.statusCode();
        sendResponse(response);
        if (status < 200) {
            return;
        }
        if (status < 300) {
            state(TERMINATED);
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
            case TIMER_I -> state(TERMINATED);
            default -> throw new IllegalStateException(timer + " is not an INVITE server timer");
        }
    }
}

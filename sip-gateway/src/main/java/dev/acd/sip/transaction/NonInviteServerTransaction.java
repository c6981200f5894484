package dev.acd.sip.transaction;

import static dev.acd.sip.transaction.TransactionState.COMPLETED;
import static dev.acd.sip.transaction.TransactionState.PROCEEDING;
import static dev.acd.sip.transaction.TransactionState.TERMINATED;
import static dev.acd.sip.transaction.TransactionState.TRYING;

import dev.acd.sip.message.SipMessage;

/**
 * The non-INVITE server transaction of RFC 3261 section 17.2.2 (figure 8): TRYING, PROCEEDING, COMPLETED,
 * TERMINATED; timer J. Retransmissions are dropped in TRYING and answered with the last response after that.
 */
public final class NonInviteServerTransaction extends ServerTransaction {
    public NonInviteServerTransaction(SipMessage request, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender) {
        this(request, reliable, timers, scheduler, sender, ServerTransactionUser.NONE);
    }

    public NonInviteServerTransaction(SipMessage request, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender, ServerTransactionUser user) {
        super(request, TRYING, reliable, timers, scheduler, sender, user);
        if ("INVITE".equals(request.method()) || "ACK".equals(request.method())) {
            throw new IllegalArgumentException("a non-INVITE server transaction cannot carry " + request.method());
        }
    }

    @Override
    public void receiveRequest(SipMessage request) {
        if (state() == PROCEEDING || state() == COMPLETED) {
            resendLastResponse();
        }
    }

    @Override
    public void respond(SipMessage response) {
        if (state() != TRYING && state() != PROCEEDING) {
            refuseAfterFinal(response);
        }
        sendResponse(response);
        if (response.statusCode() < 200) {
            state(PROCEEDING);
            return;
        }
        state(COMPLETED);
        start(TransactionTimer.TIMER_J, reliable() ? 0 : timers().timeoutMs());
    }

    @Override
    void fire(TransactionTimer timer) {
        if (timer != TransactionTimer.TIMER_J) {
            throw new IllegalStateException(timer + " is not a non-INVITE server timer");
        }
        state(TERMINATED);
    }
}

package dev.acd.sip.transaction;

import static dev.acd.sip.transaction.TransactionState.COMPLETED;
import static dev.acd.sip.transaction.TransactionState.PROCEEDING;
import static dev.acd.sip.transaction.TransactionState.TERMINATED;
import static dev.acd.sip.transaction.TransactionState.TRYING;

import dev.acd.sip.message.SipMessage;

/**
 * The non-INVITE client transaction of RFC 3261 section 17.1.2 (figure 6): TRYING, PROCEEDING, COMPLETED,
 * TERMINATED; timers E, F and K.
 */
public final class NonInviteClientTransaction extends ClientTransaction {
    private long timerEMs;

    public NonInviteClientTransaction(SipMessage request, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender, ClientTransactionUser user) {
        super(request, TRYING, reliable, timers, scheduler, sender, user);
        if ("INVITE".equals(request.method()) || "ACK".equals(request.method())) {
            throw new IllegalArgumentException("a non-INVITE client transaction cannot carry " + request.method());
        }
    }

    @Override
    public void start() {
        send(request());
        if (!reliable()) {
            timerEMs = timers().t1Ms();
            start(TransactionTimer.TIMER_E, timerEMs);
        }
        start(TransactionTimer.TIMER_F, timers().timeoutMs());
    }

    @Override
    public void receiveResponse(SipMessage response) {
        if (state() != TRYING && state() != PROCEEDING) {
            return; // COMPLETED absorbs retransmitted finals
        }
        if (response.statusCode() < 200) {
            state(PROCEEDING);
            user().onResponse(this, response);
            return;
        }
        cancel(TransactionTimer.TIMER_E);
        cancel(TransactionTimer.TIMER_F);
        state(COMPLETED);
        user().onResponse(this, response);
        start(TransactionTimer.TIMER_K, reliable() ? 0 : timers().t4Ms());
    }

    @Override
    void fire(TransactionTimer timer) {
        switch (timer) {
            case TIMER_E -> {
                if (state() == TRYING || state() == PROCEEDING) {
                    send(request());
                    timerEMs = state() == TRYING ? Math.min(2 * timerEMs, timers().t2Ms()) : timers().t2Ms();
                    start(TransactionTimer.TIMER_E, timerEMs);
                }
            }
            case TIMER_F -> {
                if (state() == TRYING || state() == PROCEEDING) {
                    state(TERMINATED);
                    user().onTimeout(this);
                }
            }
            case TIMER_K -> state(TERMINATED);
            default -> throw new IllegalStateException(timer + " is not a non-INVITE client timer");
        }
    }
}

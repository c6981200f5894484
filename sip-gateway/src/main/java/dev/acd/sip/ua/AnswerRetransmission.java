package dev.acd.sip.ua;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.MessageSender;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionScheduler;

/**
 * A 2xx to an INVITE that the UAS core resends until its ACK comes (RFC 3261 section 13.3.1.4): every T1, doubling
 * up to T2; after 64*T1 without an ACK it gives up and runs {@code onGiveUp} (the core then sends BYE). Runs on the
 * dialog's event loop.
 */
final class AnswerRetransmission {
    private final SipMessage response;
    private final MessageSender sender;
    private final TransactionScheduler scheduler;
    private final TimerSettings timers;
    private final Runnable onGiveUp;
    private TransactionScheduler.Cancellable resend;
    private TransactionScheduler.Cancellable giveUp;
    private long intervalMs;
    private boolean stopped;

    AnswerRetransmission(SipMessage response, MessageSender sender, TransactionScheduler scheduler,
            TimerSettings timers, Runnable onGiveUp) {
        this.response = response;
        this.sender = sender;
        this.scheduler = scheduler;
        this.timers = timers;
        this.onGiveUp = onGiveUp;
    }

    void start() {
        intervalMs = timers.t1Ms();
        resend = scheduler.schedule(intervalMs, this::resend);
        giveUp = scheduler.schedule(timers.timeoutMs(), () -> {
            if (!stopped) {
                stop();
                onGiveUp.run();
            }
        });
    }

    /** The 2xx being retransmitted. */
    SipMessage response() {
        return response;
    }

    /** The CSeq number the ACK must carry to stop this. */
    long cseq() {
        return response.cseqNumber();
    }

    void stop() {
        stopped = true;
        resend.cancel();
        giveUp.cancel();
    }

    private void resend() {
        if (stopped) {
            return;
        }
        sender.send(response);
        intervalMs = Math.min(2 * intervalMs, timers.t2Ms());
        resend = scheduler.schedule(intervalMs, this::resend);
    }
}

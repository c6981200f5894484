package dev.acd.sip.call;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogState;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.TransactionScheduler;
import dev.acd.sip.ua.UserAgentCore;

/**
 * Probes one established leg with an in-dialog OPTIONS every interval, so a peer that vanished without a BYE (a
 * crashed phone, a load generator that gave up on the call) does not keep the call and its rep for ever.
 *
 * <p>RFC 3261 section 12.2.1.2: a 481 or a 408 to a request inside a dialog, or no response at all (Timer F), ends
 * the dialog; {@link UserAgentCore#sendInDialog} does so and the leg's listener hears {@code onTerminated}. This
 * class only sends the probes and remembers why the leg was lost, so the call can say so. Any other answer (200,
 * 405, 501...) shows the peer still knows the dialog. RFC 4028 session timers were not used: they need the peer's
 * support to refresh, and SIPp scenarios, trunks and softphones all answer a plain OPTIONS.
 *
 * <p>Confined to the dialog's event loop; one probe at a time.
 */
final class LegKeepalive {
    private final UserAgentCore core;
    private final Dialog dialog;
    private final TransactionScheduler scheduler;
    private final long intervalMs;
    private TransactionScheduler.Cancellable timer;
    private boolean probing;
    private boolean stopped;
    private String lost;

    private LegKeepalive(UserAgentCore core, Dialog dialog, long intervalMs) {
        this.core = core;
        this.dialog = dialog;
        this.scheduler = dialog.layer().scheduler();
        this.intervalMs = intervalMs;
    }

    /** Starts probing {@code dialog} every {@code intervalMs}; returns null (nothing to stop) when that is 0. */
    static LegKeepalive start(UserAgentCore core, Dialog dialog, long intervalMs) {
        if (intervalMs <= 0 || dialog == null) {
            return null;
        }
        LegKeepalive keepalive = new LegKeepalive(core, dialog, intervalMs);
        keepalive.schedule();
        return keepalive;
    }

    /** Stops probing (the leg ended or left the call); idempotent and null-safe through {@link #stop(LegKeepalive)}. */
    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    static void stop(LegKeepalive keepalive) {
        if (keepalive != null) {
            keepalive.stop();
        }
    }

    /** Why the probe found the leg dead ("no answer to OPTIONS", "OPTIONS answered 481"), or null while alive. */
    String lost() {
        return lost;
    }

    /** The reason a probe ended {@code keepalive}'s leg, or null when it did not (or there is no keepalive). */
    static String lost(LegKeepalive keepalive) {
        return keepalive == null ? null : keepalive.lost;
    }

    private void schedule() {
        if (!stopped) {
            timer = scheduler.schedule(intervalMs, this::probe);
        }
    }

    private void probe() {
        timer = null;
        if (stopped || dialog.state() == DialogState.TERMINATED) {
            return;
        }
        if (probing) {
            schedule(); // the last probe is still retransmitting; its Timer F decides
            return;
        }
        probing = true;
        SipMessage options = dialog.createRequest("OPTIONS");
        core.sendInDialog(dialog, options, new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
                int status = response.statusCode();
                if (status < 200) {
                    return;
                }
                probing = false;
                if (status == 481 || status == 408) {
                    lost = "OPTIONS answered " + status; // the core ends the dialog next
                    return;
                }
                schedule();
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                probing = false;
                lost = "no answer to OPTIONS"; // the core ends the dialog next
            }
        });
    }
}

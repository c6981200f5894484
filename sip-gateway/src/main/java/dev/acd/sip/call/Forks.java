package dev.acd.sip.call;

import dev.acd.core.event.OfferFailure;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transaction.TransactionScheduler;
import dev.acd.sip.ua.ClientInvite;
import dev.acd.sip.ua.InviteListener;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.URI;

/**
 * One INVITE with our SDP offer sent to several targets at once (a rep's registered phones): the first 2xx wins and
 * the others are cancelled (a 2xx that comes later anyway is hung up); when every target failed, the most telling
 * failure is reported; after the timeout, all are cancelled and it is NO_ANSWER. On the call's loop.
 */
final class Forks {
    /** Where one fork goes: its Request-URI and the hop that reaches it (for NAT, the binding's source). */
    record Target(URI requestUri, NextHop hop) {
    }

    /** What the owner hears; exactly one of answered or failed, unless it cancelled first. */
    interface Outcome {
        default void provisional(SipMessage response) {
        }

        /** A target answered; {@code dialog}'s listener is the owner's to set. */
        void answered(Dialog dialog, Negotiation negotiation);

        /** No target answered; {@code status} is the deciding final response, or 0 for a timeout. */
        void failed(OfferFailure failure, int status);
    }

    private final CallEnv env;
    private final TransactionLayer layer;
    private final SdpNegotiator sdp;
    private final SessionDescription offer;
    private final Address from;
    private final List<Target> targets;
    private final long timeoutMs;
    private final Outcome outcome;
    private final List<ClientInvite> invites = new ArrayList<>();
    private TransactionScheduler.Cancellable timer;
    private boolean settled;
    private int pending;
    private OfferFailure worst;
    private int worstStatus;

    Forks(CallEnv env, TransactionLayer layer, SdpNegotiator sdp, SessionDescription offer, Address from,
            List<Target> targets, long timeoutMs, Outcome outcome) {
        this.env = env;
        this.layer = layer;
        this.sdp = sdp;
        this.offer = offer;
        this.from = from;
        this.targets = List.copyOf(targets);
        this.timeoutMs = timeoutMs;
        this.outcome = outcome;
    }

    void start() {
        if (targets.isEmpty()) {
            settled = true;
            outcome.failed(OfferFailure.UNREACHABLE, 0);
            return;
        }
        pending = targets.size();
        if (timeoutMs > 0) {
            timer = layer.scheduler().schedule(timeoutMs, this::timedOut);
        }
        for (Target target : targets) {
            SipMessage invite;
            try {
                URI uri = (URI) target.requestUri().clone();
                Address to = SipFactories.addresses().createAddress((URI) uri.clone());
                invite = env.stack().newRequest("INVITE", uri, (Address) from.clone(), to, target.hop().transport());
            } catch (RuntimeException e) {
                forkFailed(null);
                continue;
            }
            Sip.withSdp(invite, offer);
            try {
                invites.add(env.stack().core().invite(layer, invite, target.hop(), new Fork()));
            } catch (RuntimeException e) {
                forkFailed(null);
            }
        }
    }

    /** Calls the whole offer off: CANCEL every fork; nothing is reported. */
    void cancel() {
        if (settled) {
            return;
        }
        settled = true;
        stop();
    }

    /** True once answered, failed or cancelled. */
    boolean settled() {
        return settled;
    }

    private void stop() {
        if (timer != null) {
            timer.cancel();
        }
        invites.forEach(ClientInvite::cancel);
    }

    private void timedOut() {
        if (settled) {
            return;
        }
        settled = true;
        stop();
        outcome.failed(OfferFailure.NO_ANSWER, 0);
    }

    private void forkFailed(SipMessage response) {
        OfferFailure failure = failureOf(response);
        if (worst == null || failure.ordinal() < worst.ordinal()) {
            worst = failure;
            worstStatus = response == null ? 0 : response.statusCode();
        }
        if (--pending > 0 || settled) {
            return;
        }
        settled = true;
        if (timer != null) {
            timer.cancel();
        }
        outcome.failed(worst, worstStatus);
    }

    /** 486/600 busy, 603 declined, anything else (404, 408, 480, 503, a timeout) unreachable. */
    static OfferFailure failureOf(SipMessage response) {
        if (response == null) {
            return OfferFailure.UNREACHABLE;
        }
        return switch (response.statusCode()) {
            case 486, 600 -> OfferFailure.BUSY;
            case 603 -> OfferFailure.REJECTED;
            default -> OfferFailure.UNREACHABLE;
        };
    }

    /** One target's INVITE; its listener until the owner takes the dialog over. */
    private final class Fork implements InviteListener {
        @Override
        public void onProvisional(ClientInvite invite, SipMessage response, Dialog early) {
            if (!settled) {
                outcome.provisional(response);
            }
        }

        @Override
        public void onAnswered(ClientInvite invite, SipMessage response, Dialog dialog) {
            if (settled) {
                env.stack().core().bye(dialog); // another fork won, or the offer was called off meanwhile
                return;
            }
            settled = true;
            if (timer != null) {
                timer.cancel();
            }
            for (ClientInvite other : invites) {
                if (other != invite) {
                    other.cancel();
                }
            }
            Negotiation negotiation;
            try {
                SessionDescription answer = Sip.sdpOf(response);
                if (answer == null) {
                    throw new IllegalStateException("the 2xx has no SDP answer");
                }
                negotiation = sdp.acceptAnswer(offer, answer);
            } catch (SdpException | RuntimeException e) {
                env.stack().core().bye(dialog);
                outcome.failed(OfferFailure.UNREACHABLE, 488);
                return;
            }
            outcome.answered(dialog, negotiation);
        }

        @Override
        public void onFailed(ClientInvite invite, SipMessage response) {
            forkFailed(response);
        }
    }

    /** A number through the trunk: {@code sip:number@trunk}, sent to the trunk. */
    static Target trunkTarget(NextHop trunk, String number) {
        Address address = Sip.address(number, trunk.address().getAddress().getHostAddress(), trunk.address().getPort());
        return new Target(address.getURI(), trunk);
    }
}

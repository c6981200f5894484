package dev.acd.asterisk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.acd.core.command.Command;
import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.TransferTarget;

/**
 * One call an Asterisk channel carries and our router routes. Its life is reported from two sides, the AGI scripts
 * and the manager interface, often both for the same fact; each transition publishes its event only when it fits the
 * call's phase, so every fact reaches the journal once, from whichever side told first.
 *
 * <p>Thread-safe: AGI threads, the AMI reader thread and the router's journal thread all touch it.
 */
public final class AsteriskCall {
    /** Where the call is, as far as our events go. */
    public enum Phase { WAITING, RINGING, TALKING, DONE }

    private final long callId;
    private final String uniqueId;
    private final AsteriskCalls owner;
    private final BlockingQueue<Command> mailbox = new LinkedBlockingQueue<>();
    private Phase phase = Phase.WAITING;
    private String repId;
    private boolean held;
    private String queueId;
    private long queuedAt;
    private Boolean callbackAtMaxWait;
    private String repChannel;

    AsteriskCall(long callId, String uniqueId, AsteriskCalls owner) {
        this.callId = callId;
        this.uniqueId = uniqueId;
        this.owner = owner;
    }

    public long callId() {
        return callId;
    }

    /** The Asterisk unique id of the caller's channel; the rep's channel carries it as its linked id. */
    public String uniqueId() {
        return uniqueId;
    }

    public synchronized Phase phase() {
        return phase;
    }

    /** The rep offered or talking, or null. */
    public synchronized String repId() {
        return repId;
    }

    /** The queue the call's line feeds and when the call arrived there, to tell later what a callback offer was. */
    public synchronized void queued(String queueId, long at) {
        this.queueId = queueId;
        this.queuedAt = at;
    }

    /** The queue the call's line feeds, or null. */
    public synchronized String queueId() {
        return queueId;
    }

    /** When the call arrived in its queue (our clock), for {@link #queueId()}. */
    public synchronized long queuedAt() {
        return queuedAt;
    }

    /**
     * The caller was offered a callback and the dialplan asks them; {@code atMaxWait} says the router let go of the
     * call (the queue's max wait) rather than keeping it queued (a callback tier).
     */
    public synchronized void callbackOffered(boolean atMaxWait) {
        callbackAtMaxWait = atMaxWait;
    }

    /**
     * Takes the pending callback offer, if any: null when none is pending, else whether it came at the queue's max
     * wait.
     */
    public synchronized Boolean takeCallbackOffer() {
        Boolean offer = callbackAtMaxWait;
        callbackAtMaxWait = null;
        return offer;
    }

    /** Puts a router command in the call's mailbox for the AGI script serving it; never blocks. */
    void deliver(Command command) {
        mailbox.offer(command);
    }

    /** The next command for the call, waiting at most {@code timeoutMs}; null when none came. */
    public Command nextCommand(long timeoutMs) throws InterruptedException {
        return mailbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The script took the router's offer and hands the rep's dial string to the dialplan. */
    public synchronized boolean ringing(OfferCall offer) {
        if (phase != Phase.WAITING) {
            return false;
        }
        phase = Phase.RINGING;
        repId = offer.repId();
        return true;
    }

    /** Dial() began ringing the offered rep on this channel (AMI's DialBegin): the channel to hang up on a cancel. */
    public synchronized boolean dialing(String channel) {
        if (phase != Phase.RINGING || channel == null) {
            return false;
        }
        repChannel = channel;
        return true;
    }

    /** The channel ringing the offered rep, when AMI told it; null otherwise. */
    public synchronized String repChannel() {
        return repChannel;
    }

    /**
     * The router took the offer to {@code rep} back and {@code hangUp} ends the ringing channel: the call waits
     * again, without an OfferFailed (the router requeued it already), and the dial's outcome is not the rep's miss.
     * Nothing changes when the call does not ring that rep, its channel is unknown or {@code hangUp} fails.
     *
     * @return whether the ringing channel was hung up
     */
    public synchronized boolean cancelOffer(String rep, java.util.function.Predicate<String> hangUp) {
        if (phase != Phase.RINGING || !rep.equals(repId) || repChannel == null || !hangUp.test(repChannel)) {
            return false;
        }
        phase = Phase.WAITING;
        repId = null;
        repChannel = null;
        return true;
    }

    /** The offered rep answered. */
    public synchronized boolean answered(long at) {
        if (phase != Phase.RINGING) {
            return false;
        }
        phase = Phase.TALKING;
        repChannel = null;
        owner.publish(new CallAnswered(at, callId, repId));
        return true;
    }

    /** The offered rep did not take the call; it goes back to the head of its queue. */
    public synchronized boolean offerFailed(long at, OfferFailure failure) {
        if (phase != Phase.RINGING) {
            return false;
        }
        phase = Phase.WAITING;
        String rep = repId;
        repId = null;
        repChannel = null;
        owner.publish(new OfferFailed(at, callId, rep, failure));
        return true;
    }

    /** The caller hung up before talking to a rep (waiting or while a rep's phone rang). */
    public synchronized boolean abandoned(long at) {
        if (phase != Phase.WAITING && phase != Phase.RINGING) {
            return false;
        }
        finish();
        owner.publish(new CallAbandoned(at, callId));
        return true;
    }

    /** The caller took a callback instead of waiting. */
    public synchronized boolean callbackRequested(long at, String number) {
        if (phase != Phase.WAITING) {
            return false;
        }
        finish();
        owner.publish(new CallbackRequested(at, callId, number));
        return true;
    }

    /** A talking call ended; a call that never connected ends as an abandon. */
    public synchronized boolean ended(long at, Party by, String reason) {
        if (phase == Phase.WAITING || phase == Phase.RINGING) {
            return abandoned(at);
        }
        if (phase != Phase.TALKING) {
            return false;
        }
        finish();
        owner.publish(new CallEnded(at, callId, by, reason));
        return true;
    }

    /** The router ended the wait (max wait): the caller is let go. */
    public synchronized boolean endedBySystem(long at, String reason) {
        if (phase != Phase.WAITING) {
            return false;
        }
        finish();
        owner.publish(new CallEnded(at, callId, Party.SYSTEM, reason));
        return true;
    }

    /** The rep blind-transferred the call to a number or extension; the call leaves the center. */
    public synchronized boolean transferred(long at, String target) {
        if (phase != Phase.TALKING) {
            return false;
        }
        finish();
        owner.publish(new CallTransferred(at, callId, repId, TransferTarget.NUMBER, target));
        return true;
    }

    public synchronized boolean held(long at) {
        if (phase != Phase.TALKING || held) {
            return false;
        }
        held = true;
        owner.publish(new CallHeld(at, callId));
        return true;
    }

    public synchronized boolean resumed(long at) {
        if (phase != Phase.TALKING || !held) {
            return false;
        }
        held = false;
        owner.publish(new CallResumed(at, callId));
        return true;
    }

    private void finish() {
        phase = Phase.DONE;
        owner.forget(this);
    }

    @Override
    public synchronized String toString() {
        return "AsteriskCall[" + callId + " " + uniqueId + " " + phase + (repId == null ? "" : " " + repId) + "]";
    }
}

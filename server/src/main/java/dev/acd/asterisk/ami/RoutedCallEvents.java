package dev.acd.asterisk.ami;

import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.UnholdEvent;

import dev.acd.asterisk.AsteriskCall;
import dev.acd.asterisk.AsteriskCalls;
import dev.acd.core.event.Party;
import dev.acd.core.time.Clock;

/**
 * Turns AMI events of calls our FastAGI service routed into our events, at Asterisk's timestamps: DialEnd ANSWER or
 * the rep's channel entering the bridge is the answer; Hold/Unhold is hold; a Hangup of the caller's channel ends
 * the call (or abandons it while waiting or ringing), one of the rep's channel while talking ends it by the rep;
 * BlindTransfer moves it out; DialBegin tells the rep's ringing channel, hung up if the router cancels the offer. Calls are found by the caller channel's unique id, which the rep's channel carries as
 * its linked id. Runs on asterisk-java's reader thread.
 */
final class RoutedCallEvents {
    private final AsteriskCalls calls;
    private final Clock clock;

    RoutedCallEvents(AsteriskCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** Handles the event if it belongs to a routed call; false when it does not. */
    boolean handle(ManagerEvent event) {
        long at = AmiTime.of(event, clock);
        if (event instanceof DialBeginEvent dial) {
            return find(dial.getUniqueId(), dial.getLinkedId()).map(call -> call.dialing(dial.getDestChannel()))
                    .orElse(false);
        }
        if (event instanceof DialEndEvent dial) {
            return find(dial.getUniqueId(), dial.getLinkedId())
                    .map(call -> "ANSWER".equalsIgnoreCase(dial.getDialStatus()) && call.answered(at)).orElse(false);
        }
        if (event instanceof BridgeEnterEvent bridge) {
            return find(bridge.getUniqueId(), bridge.getLinkedId())
                    .map(call -> !call.uniqueId().equals(bridge.getUniqueId()) && call.answered(at)).orElse(false);
        }
        if (event instanceof HoldEvent hold) {
            return find(hold.getUniqueId(), hold.getLinkedId()).map(call -> call.held(at)).orElse(false);
        }
        if (event instanceof UnholdEvent unhold) {
            return find(unhold.getUniqueId(), unhold.getLinkedId()).map(call -> call.resumed(at)).orElse(false);
        }
        if (event instanceof BlindTransferEvent transfer) {
            return find(transfer.getTransfereeUniqueId(), null)
                    .map(call -> call.transferred(at, transfer.getExtension())).orElse(false);
        }
        if (event instanceof HangupEvent hangup) {
            return find(hangup.getUniqueId(), hangup.getLinkedId()).map(call -> hungUp(call, hangup, at)).orElse(false);
        }
        return false;
    }

    private static boolean hungUp(AsteriskCall call, HangupEvent hangup, long at) {
        String cause = hangup.getCauseTxt() == null ? "hang-up" : hangup.getCauseTxt();
        if (call.uniqueId().equals(hangup.getUniqueId())) {
            return call.ended(at, Party.CUSTOMER, cause);
        }
        // The rep's channel: it ends a talking call; while ringing, the result script reports the dial's outcome.
        return call.phase() == AsteriskCall.Phase.TALKING && call.ended(at, Party.REP, cause);
    }

    private java.util.Optional<AsteriskCall> find(String uniqueId, String linkedId) {
        return calls.byChannel(uniqueId, linkedId);
    }
}

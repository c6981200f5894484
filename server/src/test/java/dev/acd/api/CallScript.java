package dev.acd.api;

import java.util.List;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.Explanation;
import dev.acd.core.event.Party;
import dev.acd.core.event.Rule;
import dev.acd.core.event.Trigger;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;

/**
 * The core events of one inbound call, step by step, as the router and SIP side would journal them; tests stand in
 * for calls over SIP with these.
 */
final class CallScript {
    /** A customer of the embedded default directory: Priya Umar of Acorn Studios Inc., long-tail, us-east. */
    static final String CUSTOMER = "C0001";
    static final String CUSTOMER_NUMBER = "+1 919 555 0117";

    private final ApiHarness api;
    private final long callId;
    private final String queueId;

    CallScript(ApiHarness api, long callId, String queueId) {
        this.api = api;
        this.callId = callId;
        this.queueId = queueId;
    }

    /** The call arrives from the default customer, is classified and waits in the queue. */
    CallScript arrives(long at) {
        api.journal(new CallArrived(at, callId, Direction.INBOUND, queueId, CUSTOMER_NUMBER, "+1 212 555 0100", null),
                new CallClassified(at, callId, CUSTOMER, "long-tail", 1_060, null, "us-east", null, "en", queueId, 0,
                        List.of()),
                new CallQueued(at, callId, queueId, 0));
        return this;
    }

    CallScript rings(long at, String repId) {
        api.journal(new CallOffered(at, callId, repId, queueId, 1,
                new Explanation(Trigger.CALL_QUEUED, Rule.HOME_TEAM, true, 7, at, 1, List.of())));
        return this;
    }

    CallScript answered(long at, String repId) {
        api.journal(new CallAnswered(at, callId, repId));
        return this;
    }

    /** The customer hangs up and the rep's wrap-up starts, lasting {@code wrapMs}. */
    CallScript ends(long at, String repId, long wrapMs) {
        api.journal(new CallEnded(at, callId, Party.CUSTOMER, "BYE"), new WrapUpStarted(at, repId, callId, at + wrapMs));
        return this;
    }
}

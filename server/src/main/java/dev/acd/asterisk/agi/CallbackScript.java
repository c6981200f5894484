package dev.acd.asterisk.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

import dev.acd.asterisk.AsteriskCalls;
import dev.acd.core.time.Clock;

/**
 * {@code agi://host:4573/callback}, run when the caller accepted a callback (after route answered
 * ACD_STATUS=CALLBACK): the call leaves the queue with a callback request for the caller's number, or for
 * {@code ?number=...} when given.
 */
public final class CallbackScript implements AgiScript {
    private final AsteriskCalls calls;
    private final Clock clock;

    public CallbackScript(AsteriskCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        long callId = AgiScripts.callId(channel.getVariable(AgiVariables.CALL_ID));
        String number = request.getParameter("number");
        String callback = number != null ? number : request.getCallerIdNumber();
        boolean taken = calls.byId(callId).map(call -> call.callbackRequested(clock.millis(), callback)).orElse(false);
        channel.setVariable(AgiVariables.NEXT, taken ? AgiVariables.NEXT_DONE : AgiVariables.NEXT_ROUTE);
    }
}

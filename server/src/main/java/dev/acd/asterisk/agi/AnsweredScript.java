package dev.acd.asterisk.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

import dev.acd.asterisk.AsteriskCalls;
import dev.acd.core.time.Clock;

/**
 * {@code agi://host:4573/answered?call=${ARG1}}, run on the rep's channel by Dial's {@code U()} subroutine the moment
 * the rep picks up: journals the answer at its true time when the manager interface is not connected.
 */
public final class AnsweredScript implements AgiScript {
    private final AsteriskCalls calls;
    private final Clock clock;

    public AnsweredScript(AsteriskCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        long callId = AgiScripts.callId(request.getParameter("call"));
        if (callId < 0) {
            callId = AgiScripts.callId(channel.getVariable(AgiVariables.CALL_ID));
        }
        calls.byId(callId).ifPresent(call -> call.answered(clock.millis()));
    }
}

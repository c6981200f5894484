package dev.acd.asterisk.agi;

import static dev.acd.asterisk.agi.AgiVariables.*;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.asterisk.AsteriskCall;
import dev.acd.asterisk.AsteriskCalls;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.time.Clock;

/**
 * {@code agi://host:4573/result}, run after Dial() and in the {@code h} extension: reads ACD_CALL_ID and DIALSTATUS
 * and reports the offer's outcome. ANSWER: the call was answered (if nobody said so earlier) and is now over;
 * NOANSWER, BUSY, CHANUNAVAIL/CONGESTION: the offer failed (ring-no-answer, busy, unreachable), the call is back at
 * the head of its queue and ACD_NEXT=ROUTE; CANCEL: the caller hung up while the rep's phone rang, an abandon.
 * In the {@code h} extension the caller hung up; elsewhere (Dial's {@code g} option) the rep did.
 */
public final class ResultScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(ResultScript.class);
    /** The extension Asterisk runs after the caller's channel hangs up. */
    static final String HANGUP_EXTENSION = "h";

    private final AsteriskCalls calls;
    private final Clock clock;

    public ResultScript(AsteriskCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        long callId = AgiScripts.callId(channel.getVariable(CALL_ID));
        AsteriskCall call = callId < 0 ? null : calls.byId(callId).orElse(null);
        if (call == null) {
            // Over already (AMI saw the hang-up first) or never ours.
            next(channel, NEXT_DONE);
            return;
        }
        String status = channel.getVariable(DIALSTATUS);
        status = status == null ? "" : status.trim().toUpperCase(java.util.Locale.ROOT);
        boolean callerHungUp = HANGUP_EXTENSION.equals(request.getExtension());
        long now = clock.millis();
        switch (status) {
            case "ANSWER" -> {
                call.answered(now);
                call.ended(now, callerHungUp ? Party.CUSTOMER : Party.REP, callerHungUp ? "caller hung up" : "rep hung up");
                next(channel, NEXT_DONE);
            }
            case "NOANSWER" -> failed(channel, call, now, OfferFailure.NO_ANSWER, callerHungUp);
            case "BUSY" -> failed(channel, call, now, OfferFailure.BUSY, callerHungUp);
            case "CHANUNAVAIL", "CONGESTION" -> failed(channel, call, now, OfferFailure.UNREACHABLE, callerHungUp);
            case "CANCEL" -> {
                call.abandoned(now);
                next(channel, NEXT_DONE);
            }
            default -> {
                if (callerHungUp) {
                    call.ended(now, Party.CUSTOMER, "caller hung up");
                    next(channel, NEXT_DONE);
                } else {
                    LOG.warn("call {}: unexpected DIALSTATUS '{}'; counting the offer as unreachable", callId, status);
                    failed(channel, call, now, OfferFailure.UNREACHABLE, false);
                }
            }
        }
    }

    private static void failed(AgiChannel channel, AsteriskCall call, long now, OfferFailure failure,
                               boolean callerHungUp) {
        call.offerFailed(now, failure);
        if (callerHungUp) {
            call.abandoned(now);
            next(channel, NEXT_DONE);
        } else {
            next(channel, NEXT_ROUTE);
        }
    }

    private static void next(AgiChannel channel, String next) {
        try {
            channel.setVariable(NEXT, next);
        } catch (AgiException e) {
            // In the h extension the channel may be gone already; nothing reads ACD_NEXT there.
            LOG.debug("could not set {}: {}", NEXT, e.toString());
        }
    }
}

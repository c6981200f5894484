package dev.acd.asterisk.agi;

import static dev.acd.asterisk.agi.AgiVariables.*;

import java.util.concurrent.Semaphore;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.asterisk.AsteriskCall;
import dev.acd.asterisk.AsteriskCalls;
import dev.acd.asterisk.DialStrings;
import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.command.Command;
import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.time.Clock;

/**
 * {@code agi://host:4573/route?line=sales}: classifies the call like a trunk call, publishes its arrival, plays
 * music on hold and waits in our queue until the router offers it to a rep, then sets ACD_CALL_ID, ACD_REP_ID,
 * ACD_DIAL, ACD_RING_TIMEOUT and ACD_STATUS=OFFER and returns. Called again for a call that has ACD_CALL_ID set
 * (after a ring-no-answer), it waits for the call's next offer without a new arrival.
 *
 * <p>asterisk-java's FastAGI is blocking: a script holds its pool thread for as long as the call waits. The number of
 * waiting calls is bounded by {@code maxWaitingCalls}; past it the script answers ACD_STATUS=FULL at once. While it
 * waits it checks the channel every {@code livenessCheckMs}; a channel gone is the caller hanging up: an abandon.
 */
public final class RouteScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(RouteScript.class);

    private final AsteriskCalls calls;
    private final EventPublisher publisher;
    private final RoutingModel model;
    private final Classifier classifier;
    private final DialStrings dialStrings;
    private final Clock clock;
    private final Semaphore waitingSlots;
    private final int maxWaitingCalls;
    private final long livenessCheckMs;
    private final String musicClass;
    private volatile boolean stopping;

    public RouteScript(AsteriskCalls calls, EventPublisher publisher, RoutingModel model, CustomerDirectory directory,
                       DialStrings dialStrings, Clock clock, int maxWaitingCalls, long livenessCheckMs,
                       String musicClass) {
        this.calls = calls;
        this.publisher = publisher;
        this.model = model;
        this.classifier = new Classifier(model, directory);
        this.dialStrings = dialStrings;
        this.clock = clock;
        this.waitingSlots = new Semaphore(maxWaitingCalls);
        this.maxWaitingCalls = maxWaitingCalls;
        this.livenessCheckMs = livenessCheckMs;
        this.musicClass = musicClass;
    }

    /** Calls waiting in a route script right now. */
    public int waitingCalls() {
        return maxWaitingCalls - waitingSlots.availablePermits();
    }

    /** Lets waiting scripts go (ACD_STATUS=UNAVAILABLE) so the pool can stop. */
    public void stop() {
        stopping = true;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        if (stopping) {
            refuse(channel, STATUS_UNAVAILABLE, "the ACD is stopping");
            return;
        }
        long known = AgiScripts.callId(channel.getVariable(CALL_ID));
        AsteriskCall call;
        if (known >= 0) {
            call = calls.byId(known).orElse(null);
            if (call == null || call.phase() != AsteriskCall.Phase.WAITING) {
                refuse(channel, STATUS_ERROR, "call " + known + " is not waiting in an ACD queue");
                return;
            }
            Boolean declinedAtMaxWait = call.takeCallbackOffer();
            if (Boolean.TRUE.equals(declinedAtMaxWait)) {
                // The router let go of the call at max wait; with the callback declined there is no queue to go back to.
                call.endedBySystem(clock.millis(), "max wait reached, callback declined");
                refuse(channel, STATUS_HANGUP, "max wait reached, callback declined");
                return;
            }
            // A callback tier's offer declined (or none pending): the call is still queued in the router; wait on.
        } else {
            call = null;
        }
        Line line = null;
        if (call == null) {
            line = line(request);
            if (line == null) {
                refuse(channel, STATUS_ERROR, "no line '" + request.getParameter("line") + "' and no line with number "
                        + dialled(request) + "; lines: " + model.lines().stream().map(Line::id).toList());
                return;
            }
        }
        if (!waitingSlots.tryAcquire()) {
            LOG.warn("refusing AGI call on {}: {} calls wait already (maxWaitingCalls)", request.getChannel(),
                    maxWaitingCalls);
            refuse(channel, STATUS_FULL, "too many calls waiting");
            return;
        }
        try {
            if (call == null) {
                call = arrive(request, line);
            }
            waitForRep(channel, call);
        } finally {
            waitingSlots.release();
        }
    }

    private AsteriskCall arrive(AgiRequest request, Line line) {
        AsteriskCall call = calls.open(request.getUniqueId());
        long now = clock.millis();
        String caller = request.getCallerIdNumber();
        call.queued(line.queueId(), now);
        publisher.publish(new CallArrived(now, call.callId(), Direction.INBOUND, line.id(), caller, line.number(), null));
        publisher.publish(classifier.classify(now, call.callId(), line, caller));
        return call;
    }

    private void waitForRep(AgiChannel channel, AsteriskCall call) {
        try {
            channel.setVariable(CALL_ID, Long.toString(call.callId()));
            channel.playMusicOnHold(musicClass);
            while (true) {
                Command command = call.nextCommand(livenessCheckMs);
                if (command == null) {
                    if (stopping) {
                        call.endedBySystem(clock.millis(), "ACD stopping");
                        channel.stopMusicOnHold();
                        refuse(channel, STATUS_UNAVAILABLE, "the ACD is stopping");
                        return;
                    }
                    if (channel.getChannelStatus() < 0) {
                        call.abandoned(clock.millis());
                        return;
                    }
                } else if (command instanceof OfferCall offer && call.ringing(offer)) {
                    channel.stopMusicOnHold();
                    channel.setVariable(REP_ID, offer.repId());
                    channel.setVariable(DIAL, dialStrings.dial(offer.reach()));
                    channel.setVariable(RING_TIMEOUT, Integer.toString(offer.ringTimeoutSeconds()));
                    channel.setVariable(STATUS, STATUS_OFFER);
                    return;
                } else if (command instanceof HangUpCall hangUp) {
                    call.endedBySystem(clock.millis(), hangUp.reason());
                    channel.stopMusicOnHold();
                    refuse(channel, STATUS_HANGUP, hangUp.reason());
                    return;
                } else if (command instanceof OfferCallback offer) {
                    call.callbackOffered(offer.afterMaxWait());
                    channel.stopMusicOnHold();
                    channel.setVariable(STATUS, STATUS_CALLBACK);
                    return;
                }
                // A CancelOffer (or an offer no longer fitting) needs nothing on the channel: keep waiting.
            }
        } catch (AgiException e) {
            // Asterisk closes the FastAGI connection (or answers 511) once the caller has hung up.
            LOG.debug("AGI channel of call {} went away while waiting: {}", call.callId(), e.toString());
            call.abandoned(clock.millis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.endedBySystem(clock.millis(), "ACD stopping");
        }
    }

    private Line line(AgiRequest request) {
        String id = request.getParameter("line");
        if (id != null) {
            return model.line(id).orElse(null);
        }
        String dialled = dialled(request);
        if (dialled == null) {
            return null;
        }
        String digits = CustomerDirectory.digits(dialled);
        return model.lines().stream().filter(l -> !digits.isEmpty() && CustomerDirectory.digits(l.number()).equals(digits))
                .findFirst().orElse(null);
    }

    private static String dialled(AgiRequest request) {
        String number = request.getParameter("number");
        if (number != null) {
            return number;
        }
        String dnid = request.getDnid();
        return dnid != null && !dnid.equals("unknown") ? dnid : request.getExtension();
    }

    private static void refuse(AgiChannel channel, String status, String reason) {
        try {
            channel.setVariable(STATUS, status);
            channel.setVariable(REASON, reason);
        } catch (AgiException e) {
            LOG.debug("could not tell the channel {}: {}", status, e.toString());
        }
    }
}

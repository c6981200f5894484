package dev.acd.sip.call;

import dev.acd.core.call.Classifier;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.time.Clock;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.ua.SipStack;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** What every call of one {@link CallControl} shares: the stack, the edges to the server, settings, live calls. */
record CallEnv(SipStack stack, RepBindings bindings, EventPublisher publisher, Supplier<Classifier> classifier,
        Supplier<RoutingModel> model, CallOwnership ownership, CallMedia media, CallRecordings recordings, Clock clock,
        CallControlSettings settings, Map<Long, CallHandle> calls, AtomicLong sessionIds, CallCounters counters,
        AtomicReference<RepPresence> presence) {

    void publish(Event event) {
        publisher.publish(event);
    }

    long now() {
        return clock.millis();
    }

    /** A negotiator for a new leg (each leg has its own SDP session and version). */
    SdpNegotiator negotiator() {
        return new SdpNegotiator(media.address(), media.codecs(), sessionIds.incrementAndGet());
    }

    /** The call is over: forget it and give up its ownership. */
    void forget(long callId) {
        calls.remove(callId);
        ownership.release(callId);
    }
}

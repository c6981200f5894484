package dev.acd.sipserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.core.event.SourceBlocked;

/**
 * The SIP service's events on their way to the router, each also logged, so an operator sees a phone register or a
 * source get blocked in the server's log without reading the journal. Registrations and blocks are rare; no per-packet
 * logging happens here.
 */
final class LoggedEvents implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SipService.class);

    private final EventPublisher next;

    LoggedEvents(EventPublisher next) {
        this.next = next;
    }

    @Override
    public void publish(Event event) {
        log(event);
        next.publish(event);
    }

    @Override
    public boolean tryPublish(Event event) {
        log(event);
        return next.tryPublish(event);
    }

    private static void log(Event event) {
        if (event instanceof RepReachable r) {
            LOG.info("rep {} reachable: softphone registered at {}", r.repId(), r.contact());
        } else if (event instanceof RepUnreachable r) {
            LOG.info("rep {} unreachable: {}", r.repId(), r.reason());
        } else if (event instanceof SourceBlocked b) {
            LOG.warn("blocked {} (user {}) for {} s: {}", b.address(), b.user(), (b.untilMs() - b.at()) / 1000,
                    b.reason());
        }
    }
}

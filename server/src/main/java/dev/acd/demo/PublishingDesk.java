package dev.acd.demo;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepReady;
import dev.acd.core.time.Clock;

/**
 * The demo's {@link RepDesk}: publishes what a rep's desktop (or the API) would for a real rep: logged in and ready,
 * ready after wrap-up, logged out. Ending wrap-up by timeout stays the router's job.
 */
public final class PublishingDesk implements RepDesk {
    private final EventPublisher events;
    private final Clock clock;

    public PublishingDesk(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void loggedIn(String repId) {
        events.publish(new RepLoggedIn(clock.millis(), repId));
        events.publish(new RepReady(clock.millis(), repId));
    }

    @Override
    public void wrapUpDone(String repId) {
        events.publish(new RepReady(clock.millis(), repId));
    }

    @Override
    public void loggedOut(String repId) {
        events.publish(new RepLoggedOut(clock.millis(), repId));
    }
}

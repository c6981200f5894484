package dev.acd.perf.sip;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import java.util.concurrent.atomic.LongAdder;

/** Takes the registrar's and defence's events where the server would journal them, and only counts them. */
final class CountingPublisher implements EventPublisher {
    private final LongAdder published = new LongAdder();

    @Override
    public void publish(Event event) {
        published.increment();
    }

    @Override
    public boolean tryPublish(Event event) {
        published.increment();
        return true;
    }

    long published() {
        return published.sum();
    }
}

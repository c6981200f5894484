package dev.acd.router.pipeline;

import dev.acd.core.command.CommandSubscriber;
import dev.acd.core.event.Event;
import dev.acd.router.RoutingEngine;

/**
 * The pipeline's work for one event done in the caller's thread: route, journal, send commands. The simulator uses
 * it to drive the real engine and journal in simulated time; the Disruptor pipeline splits the same work over two
 * handlers. Not thread-safe.
 */
public final class RoutingStep {
    private final RoutingEngine engine;
    private final JournalWriter journal;
    private final CommandSubscriber subscriber;
    private final EventSlot slot = new EventSlot();

    public RoutingStep(RoutingEngine engine, JournalWriter journal, CommandSubscriber subscriber) {
        this.engine = engine;
        this.journal = journal;
        this.subscriber = subscriber;
    }

    public void process(Event event) {
        slot.event = event;
        engine.apply(event, slot);
        slot.drainTo(journal, subscriber);
    }

    public RoutingEngine engine() {
        return engine;
    }
}

package dev.acd.sip.defence;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published event, in order. */
public final class RecordingPublisher implements EventPublisher {
    public final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void publish(Event event) {
        events.add(event);
    }

    @Override
    public synchronized boolean tryPublish(Event event) {
        events.add(event);
        return true;
    }

    /** The events of one type, in order. */
    public synchronized <E extends Event> List<E> of(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}

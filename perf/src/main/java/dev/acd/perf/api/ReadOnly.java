package dev.acd.perf.api;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;

/** Where the benchmarks' API sends rep control: nowhere, as the benchmarks only read. */
final class ReadOnly {
    static final EventPublisher PUBLISHER = new EventPublisher() {
        @Override
        public void publish(Event event) {
            throw new IllegalStateException("the benchmark API is read only: " + event);
        }

        @Override
        public boolean tryPublish(Event event) {
            publish(event);
            return false;
        }
    };

    private ReadOnly() {
    }
}

package dev.acd.router.pipeline;

import dev.acd.core.event.Event;

/** Appends events to the journal. Called from one thread only: the pipeline's journal thread. */
@FunctionalInterface
public interface JournalWriter {
    void append(Event event);

    /** Called at the end of each batch of events; a journal that buffers flushes here. */
    default void endOfBatch() {
    }

    /** A writer that keeps nothing, for tests and for measuring the router alone. */
    JournalWriter NONE = event -> { };
}

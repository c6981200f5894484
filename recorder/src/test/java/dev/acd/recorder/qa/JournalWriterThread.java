package dev.acd.recorder.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;

/** The journal's one writer thread, as the router's journal handler is in the server; tests and QA publish here. */
final class JournalWriterThread implements EventPublisher, AutoCloseable {
    private final Journal journal;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "journal-writer"));

    JournalWriterThread(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void publish(Event event) {
        try {
            writer.submit(() -> journal.append(event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean tryPublish(Event event) {
        publish(event);
        return true;
    }

    /** Every event in the journal, of one type. */
    <E extends Event> List<E> all(Class<E> type) {
        List<E> found = new ArrayList<>();
        try (JournalReader reader = journal.readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                if (type.isInstance(e)) {
                    found.add(type.cast(e));
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}

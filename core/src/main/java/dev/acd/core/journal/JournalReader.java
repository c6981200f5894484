package dev.acd.core.journal;

import dev.acd.core.event.Event;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads events from a journal one at a time, in journal order, each with its excerpt index. A reader may follow a
 * journal that another thread is appending to: {@link #next()} returns null when it has caught up, and later calls
 * return the events appended since.
 *
 * <p>Not thread-safe: one thread at a time. A reader may be handed to another thread (say, opened on the main
 * thread and read on a worker) if the hand-over itself is safely published. Close it when done.
 */
public final class JournalReader implements AutoCloseable {
    private final ExcerptTailer tailer;
    private long lastReadIndex;
    private Thread owner;

    JournalReader(ExcerptTailer tailer, long lastReadIndex) {
        this.tailer = tailer;
        this.lastReadIndex = lastReadIndex;
    }

    /**
     * The next event, or null when no more has been appended yet.
     *
     * @throws JournalFormatException if the next excerpt cannot be decoded; the message names its index
     */
    public Event next() {
        Thread current = Thread.currentThread();
        if (current != owner) {
            // Chronicle pins a tailer to the first thread that uses it; a reader handed over is re-pinned.
            tailer.singleThreadedCheckReset();
            owner = current;
        }
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return null;
            }
            long index = dc.index();
            Bytes<?> bytes = dc.wire().bytes();
            Event event;
            try {
                event = EventCodec.decode(bytes);
            } catch (JournalFormatException e) {
                throw new JournalFormatException("journal excerpt " + Journal.formatIndex(index) + ": "
                        + e.getMessage(), e);
            }
            if (bytes.readRemaining() > 0) {
                throw new JournalFormatException("journal excerpt " + Journal.formatIndex(index) + ": "
                        + bytes.readRemaining() + " bytes left after a complete " + event.getClass().getSimpleName()
                        + " record");
            }
            lastReadIndex = index;
            return event;
        }
    }

    /**
     * The index of the event {@link #next()} last returned; save it and pass it to {@link Journal#readAfter(long)}
     * to resume. Before the first event it is the index the reader was opened after, or {@link Journal#NO_INDEX}.
     */
    public long lastReadIndex() {
        return lastReadIndex;
    }

    @Override
    public void close() {
        tailer.close();
    }
}

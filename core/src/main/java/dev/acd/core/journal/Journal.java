package dev.acd.core.journal;

import dev.acd.core.event.Event;
import dev.acd.core.time.Clock;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The event journal: every event, in order, in a Chronicle Queue that rolls daily ({@link RollCycles#FAST_DAILY},
 * UTC days) and deletes daily files older than {@link JournalSettings#retentionDays()}.
 *
 * <p>Threading: the journal has exactly <b>one writer thread</b>; {@link #append(Event)} and
 * {@link #deleteExpiredCycles()} must only be called from it (in the server, the Disruptor's journal handler).
 * The writer is the first thread that appends (not the one that opens); an append from any other thread later
 * fails with {@link IllegalStateException} naming both threads, and nothing is written.
 * Readers ({@link JournalReader}, {@link #replay}) may run on any other threads at the same time, one thread per
 * reader; a reader follows the writer live. An appended event is visible to readers as soon as {@code append}
 * returns; Chronicle writes to memory-mapped files, so there is no per-event flush.
 */
public final class Journal implements AutoCloseable {
    /** The "no index" value: an empty journal's {@link #lastIndex()}, a fresh reader's {@code lastReadIndex()}. */
    public static final long NO_INDEX = -1L;

    private static final RollCycle ROLL_CYCLE = RollCycles.FAST_DAILY;

    private final JournalSettings settings;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final CycleRetention retention;
    private int lastAppendedCycle = Integer.MIN_VALUE;
    private Thread writer;

    private Journal(JournalSettings settings, Clock clock) {
        this.settings = settings;
        try {
            Files.createDirectories(settings.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create journal directory " + settings.dir(), e);
        }
        this.queue = SingleChronicleQueueBuilder.binary(settings.dir())
                .rollCycle(ROLL_CYCLE)
                .epoch(0)
                .timeProvider(new ClockTimeProvider(clock))
                .build();
        this.appender = queue.createAppender();
        this.retention = new CycleRetention(settings.dir(), ROLL_CYCLE);
        deleteExpiredCycles();
    }

    /** Opens (or creates) the journal in {@code settings.dir()}, with the wall clock deciding the daily cycle. */
    public static Journal open(JournalSettings settings) {
        return open(settings, Clock.SYSTEM);
    }

    /**
     * Opens (or creates) the journal; {@code clock} decides which daily cycle appends go to and what retention
     * counts as old. Tests pass a {@code ManualClock} to roll days without waiting.
     */
    public static Journal open(JournalSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        return new Journal(settings, clock);
    }

    /**
     * Appends one event and returns its excerpt index. Writer thread only. When the append starts a new daily
     * cycle, expired cycle files are deleted.
     *
     * @throws IllegalStateException if called from another thread than the first one that appended
     */
    public long append(Event event) {
        if (Thread.currentThread() != writer) {
            claimWriter();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            EventCodec.encode(event, dc.wire().bytes());
        }
        long index = appender.lastIndexAppended();
        int cycle = ROLL_CYCLE.toCycle(index);
        if (cycle != lastAppendedCycle) {
            lastAppendedCycle = cycle;
            deleteExpiredCycles();
        }
        return index;
    }

    private void claimWriter() {
        Thread current = Thread.currentThread();
        if (writer != null) {
            throw new IllegalStateException("the journal in " + settings.dir() + " has one writer thread, '"
                    + writer.getName() + "'; append was called from '" + current.getName() + "'");
        }
        writer = current;
    }

    /** A reader from the first event still kept. */
    public JournalReader readFromStart() {
        return new JournalReader(queue.createTailer().toStart(), NO_INDEX);
    }

    /**
     * A reader whose first event is the one at {@code index}.
     *
     * @throws IllegalArgumentException if no event has that index (never written, or deleted by retention)
     */
    public JournalReader readFrom(long index) {
        ExcerptTailer tailer = tailerAt(index);
        return new JournalReader(tailer, NO_INDEX);
    }

    /**
     * A reader whose first event is the one after {@code index}: pass a saved {@link JournalReader#lastReadIndex()}
     * to resume exactly where a reader stopped.
     *
     * @throws IllegalArgumentException if no event has that index (never written, or deleted by retention)
     */
    public JournalReader readAfter(long index) {
        ExcerptTailer tailer = tailerAt(index);
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                tailer.close();
                throw new IllegalArgumentException("journal index " + formatIndex(index) + " is not readable in "
                        + settings.dir());
            }
        }
        return new JournalReader(tailer, index);
    }

    /** A reader that sees only events appended after this call. */
    public JournalReader readFromEnd() {
        return new JournalReader(queue.createTailer().toEnd(), NO_INDEX);
    }

    /**
     * Hands {@code consumer} every event whose {@link Event#at()} is in {@code [fromAt, toAtExclusive)}, in journal
     * order, reading from the first kept event to the last one appended when the scan reaches it. Runs on the
     * calling thread; records outside the range are skipped without being decoded.
     */
    public void replay(long fromAt, long toAtExclusive, Consumer<? super Event> consumer) {
        if (fromAt > toAtExclusive) {
            throw new IllegalArgumentException("replay range is backwards: from " + fromAt + " to " + toAtExclusive);
        }
        Objects.requireNonNull(consumer, "consumer");
        try (ExcerptTailer tailer = queue.createTailer().toStart()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    long at;
                    Event event;
                    try {
                        at = EventCodec.peekAt(bytes);
                        event = at >= fromAt && at < toAtExclusive ? EventCodec.decode(bytes) : null;
                    } catch (JournalFormatException e) {
                        throw new JournalFormatException("journal excerpt " + formatIndex(dc.index()) + ": "
                                + e.getMessage(), e);
                    }
                    if (event != null) {
                        consumer.accept(event);
                    }
                }
            }
        }
    }

    /** The index of the last event appended, or {@link #NO_INDEX} if the journal holds none. */
    public long lastIndex() {
        long last = queue.lastIndex();
        return last < 0 ? NO_INDEX : last;
    }

    /**
     * Deletes the daily files older than the retention window: the current day's cycle (by the journal's clock) and
     * the {@code retentionDays} cycles before it are kept. Runs at open and whenever an append starts a new cycle;
     * writer thread only. Returns how many files it deleted; with retention 0 it deletes nothing.
     */
    public int deleteExpiredCycles() {
        if (settings.retentionDays() == JournalSettings.KEEP_FOREVER) {
            return 0;
        }
        int oldestKept = queue.cycle() - settings.retentionDays();
        int deleted = retention.deleteCyclesBelow(oldestKept);
        if (deleted > 0) {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }

    /** The settings this journal was opened with. */
    public JournalSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }

    static String formatIndex(long index) {
        return index + " (cycle " + ROLL_CYCLE.toCycle(index) + ", seq " + ROLL_CYCLE.toSequenceNumber(index) + ")";
    }

    private ExcerptTailer tailerAt(long index) {
        ExcerptTailer tailer = queue.createTailer();
        if (!tailer.moveToIndex(index)) {
            tailer.close();
            throw new IllegalArgumentException("journal index " + formatIndex(index) + " is not in " + settings.dir()
                    + " (first index " + queue.firstIndex() + ", last " + queue.lastIndex() + ")");
        }
        return tailer;
    }

    /** Lets our clock decide Chronicle's cycle, so tests can roll days by moving a manual clock. */
    private record ClockTimeProvider(Clock clock) implements TimeProvider {
        @Override
        public long currentTimeMillis() {
            return clock.millis();
        }

        @Override
        public long currentTimeMicros() {
            return clock.millis() * 1_000L;
        }

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }
    }
}

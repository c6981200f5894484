package dev.acd.perf;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.Event;
import dev.acd.core.event.Tick;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import net.openhft.chronicle.queue.RollCycles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Journal append throughput: small events (a rep answering a call, a timer tick) appended per second by the one
 * writer thread, encoded by {@code EventCodec} into a Chronicle Queue on local disk.
 *
 * <p>Correctness check after each iteration: the journal holds exactly as many new excerpts as operations ran,
 * and the last one reads back as the last event appended. A mismatch fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {
        // Chronicle Queue's flags (shared deps facts, section 2); a fork is launched with -cp, so the jar
        // manifest's Add-Opens do not reach it.
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
        "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"})
public class JournalAppendBenchmark {
    /** Distinct events cycled through, so the benchmark measures the journal rather than event allocation. */
    private static final int EVENT_COUNT = 1024;
    private static final long T0 = 1_795_425_300_123L;

    private Path dir;
    private Journal journal;
    private final CallAnswered[] answered = new CallAnswered[EVENT_COUNT];
    private final Tick[] ticks = new Tick[EVENT_COUNT];
    private long ops;
    private long indexBefore;
    private Event lastAppended;

    @Setup(Level.Trial)
    public void openJournal() throws IOException {
        dir = Files.createTempDirectory("journal-append-bench");
        journal = Journal.open(new JournalSettings(dir, 7));
        for (int i = 0; i < EVENT_COUNT; i++) {
            answered[i] = new CallAnswered(T0 + i * 7L, 1_000_000L + i, "rep-" + (i % 64));
            ticks[i] = new Tick(T0 + i * 250L);
        }
        journal.append(new Tick(T0)); // so every iteration starts from a real index
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        ops = 0;
        indexBefore = journal.lastIndex();
    }

    @Benchmark
    public long appendCallAnswered() {
        CallAnswered event = answered[(int) (ops++ & (EVENT_COUNT - 1))];
        lastAppended = event;
        return journal.append(event);
    }

    @Benchmark
    public long appendTick() {
        Tick event = ticks[(int) (ops++ & (EVENT_COUNT - 1))];
        lastAppended = event;
        return journal.append(event);
    }

    @TearDown(Level.Iteration)
    public void checkEveryOperationWasJournaled() {
        long last = journal.lastIndex();
        long appended = RollCycles.FAST_DAILY.toCycle(last) == RollCycles.FAST_DAILY.toCycle(indexBefore)
                ? last - indexBefore
                : countAfter(indexBefore);
        if (appended != ops) {
            throw new IllegalStateException("ran " + ops + " appends but the journal grew by " + appended);
        }
        try (JournalReader reader = journal.readFrom(last)) {
            Event read = reader.next();
            if (!lastAppended.equals(read)) {
                throw new IllegalStateException("last excerpt reads back as " + read + ", appended " + lastAppended);
            }
        }
    }

    @TearDown(Level.Trial)
    public void closeJournal() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Counts excerpts after an index the slow way; only needed when a UTC day rolled during an iteration. */
    private long countAfter(long index) {
        long count = 0;
        try (JournalReader reader = journal.readAfter(index)) {
            while (reader.next() != null) {
                count++;
            }
        }
        return count;
    }
}

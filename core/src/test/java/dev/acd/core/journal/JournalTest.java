package dev.acd.core.journal;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.Event;
import dev.acd.core.event.Tick;
import dev.acd.core.time.ManualClock;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest {
    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryEventTypeInOrderFromARealQueue() {
        List<Event> samples = SampleEvents.all();
        List<Long> indexes = new ArrayList<>();
        try (Journal journal = Journal.open(new JournalSettings(dir, 7));
             JournalReader reader = journal.readFromStart()) {
            for (Event event : samples) {
                indexes.add(journal.append(event));
            }
            for (int i = 0; i < samples.size(); i++) {
                assertEquals(samples.get(i), reader.next());
                assertEquals(indexes.get(i), reader.lastReadIndex());
            }
            assertNull(reader.next(), "nothing after the last event");
        }
    }

    @Test
    void shouldKeepEventsWhenTheJournalIsReopened() {
        List<Event> samples = SampleEvents.all();
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            samples.forEach(journal::append);
        }
        try (Journal journal = Journal.open(new JournalSettings(dir, 7));
             JournalReader reader = journal.readFromStart()) {
            assertEquals(samples, drain(reader));
        }
    }

    @Test
    void shouldReportNoIndexWhenEmptyAndTheLastAppendAfterwards() {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            assertEquals(Journal.NO_INDEX, journal.lastIndex());
            long first = journal.append(new Tick(1));
            long second = journal.append(new Tick(2));
            assertTrue(second > first, "indexes grow");
            assertEquals(second, journal.lastIndex());
        }
    }

    @Test
    void shouldSeeExactlyTheEventsAfterASavedIndexWhenResuming() {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            for (int i = 0; i < 10; i++) {
                journal.append(new CallHeld(SampleEvents.T0 + i, i));
            }
            long saved;
            try (JournalReader first = journal.readFromStart()) {
                for (int i = 0; i < 4; i++) {
                    first.next();
                }
                saved = first.lastReadIndex();
            }
            journal.append(new CallHeld(SampleEvents.T0 + 10, 10));
            try (JournalReader resumed = journal.readAfter(saved)) {
                assertEquals(saved, resumed.lastReadIndex(), "a resumed reader starts at the saved index");
                List<Long> callIds = drain(resumed).stream().map(e -> ((CallHeld) e).callId()).collect(Collectors.toList());
                assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L), callIds);
            }
        }
    }

    @Test
    void shouldStartWithTheEventAtTheIndexWhenReadingFromIt() {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            journal.append(new Tick(1));
            long second = journal.append(new Tick(2));
            journal.append(new Tick(3));
            try (JournalReader reader = journal.readFrom(second)) {
                assertEquals(List.of(new Tick(2), new Tick(3)), drain(reader));
            }
        }
    }

    @Test
    void shouldRejectAnIndexTheJournalDoesNotHold() {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            long only = journal.append(new Tick(1));
            long unknown = RollCycles.FAST_DAILY.toIndex(RollCycles.FAST_DAILY.toCycle(only) - 3, 0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> journal.readAfter(unknown));
            assertTrue(e.getMessage().contains("journal index " + unknown), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> journal.readFrom(unknown));
        }
    }

    @Test
    void shouldSeeOnlyLaterEventsWhenReadingFromTheEnd() {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            journal.append(new Tick(1));
            journal.append(new Tick(2));
            try (JournalReader reader = journal.readFromEnd()) {
                assertNull(reader.next());
                long third = journal.append(new Tick(3));
                assertEquals(new Tick(3), reader.next());
                assertEquals(third, reader.lastReadIndex());
            }
        }
    }

    @Test
    void shouldFollowAppendsFromAnotherThreadWhenTailingLive() throws Exception {
        int count = 20_000;
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            List<Event> seen = new CopyOnWriteArrayList<>();
            Thread tailer = new Thread(() -> {
                try (JournalReader reader = journal.readFromStart()) {
                    while (seen.size() < count && !Thread.currentThread().isInterrupted()) {
                        Event event = reader.next();
                        if (event != null) {
                            seen.add(event);
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                }
            }, "journal-tailer");
            tailer.start();
            try {
                for (int i = 0; i < count; i++) {
                    journal.append(new CallAnswered(SampleEvents.T0 + i, i, "rep-" + (i % 50)));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == count);
            } finally {
                tailer.interrupt();
                tailer.join(10_000);
            }
            for (int i = 0; i < count; i++) {
                assertEquals(new CallAnswered(SampleEvents.T0 + i, i, "rep-" + (i % 50)), seen.get(i));
            }
        }
    }

    @Test
    void shouldReplayOnlyEventsInTheTimeRangeInJournalOrder() {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            // at values out of order on purpose: replay keeps journal order, it does not sort by time.
            long[] ats = {100, 250, 199, 200, 300, 150, 299, 99};
            for (int i = 0; i < ats.length; i++) {
                journal.append(new CallHeld(ats[i], i));
            }
            List<Event> replayed = new ArrayList<>();
            journal.replay(150, 300, replayed::add);
            assertEquals(List.of(new CallHeld(250, 1), new CallHeld(199, 2), new CallHeld(200, 3),
                    new CallHeld(150, 5), new CallHeld(299, 6)), replayed);
            List<Event> none = new ArrayList<>();
            journal.replay(400, 400, none::add);
            assertEquals(List.of(), none);
            assertThrows(IllegalArgumentException.class, () -> journal.replay(300, 150, none::add));
        }
    }

    @Test
    void shouldDeleteDailyFilesOlderThanRetentionWhenTheDayRolls() throws IOException {
        ManualClock clock = new ManualClock(SampleEvents.T0);
        try (Journal journal = Journal.open(new JournalSettings(dir, 2), clock)) {
            for (int day = 0; day < 5; day++) {
                journal.append(new Tick(clock.millis()));
                assertTrue(cycleFiles().size() <= 3, "today and two days before at most: " + cycleFiles());
                clock.advance(DAY_MS);
            }
            // Days 0..4 written; on day 4 the kept window is days 2, 3, 4.
            assertEquals(3, cycleFiles().size(), cycleFiles().toString());
            try (JournalReader reader = journal.readFromStart()) {
                assertEquals(List.of(new Tick(SampleEvents.T0 + 2 * DAY_MS), new Tick(SampleEvents.T0 + 3 * DAY_MS),
                        new Tick(SampleEvents.T0 + 4 * DAY_MS)), drain(reader));
            }
        }
    }

    @Test
    void shouldDeleteExpiredFilesWhenOpenedAndKeepRecentOnes() throws IOException {
        ManualClock clock = new ManualClock(SampleEvents.T0);
        try (Journal journal = Journal.open(new JournalSettings(dir, 30), clock)) {
            for (int day = 0; day < 4; day++) {
                journal.append(new Tick(clock.millis()));
                clock.advance(DAY_MS);
            }
        }
        assertEquals(4, cycleFiles().size(), "a 30-day retention keeps all four days");
        clock.advance(DAY_MS); // today is day 5: with 2 days of retention days 3, 4 (and 5) are kept
        try (Journal journal = Journal.open(new JournalSettings(dir, 2), clock);
             JournalReader reader = journal.readFromStart()) {
            assertEquals(1, cycleFiles().size(), cycleFiles().toString());
            assertEquals(List.of(new Tick(SampleEvents.T0 + 3 * DAY_MS)), drain(reader));
            assertEquals(0, journal.deleteExpiredCycles(), "nothing more to delete");
        }
    }

    @Test
    void shouldNameTheExcerptIndexAndTagWhenAStoredRecordHasAnUnknownTag() {
        long bad;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY)
                .build(); ExcerptAppender appender = queue.createAppender()) {
            try (DocumentContext dc = appender.writingDocument()) {
                dc.wire().bytes().writeByte(EventCodec.FORMAT_VERSION).writeByte((byte) 200).writeStopBit(5L);
            }
            bad = appender.lastIndexAppended();
        }
        try (Journal journal = Journal.open(new JournalSettings(dir, 7));
             JournalReader reader = journal.readFromStart()) {
            JournalFormatException e = assertThrows(JournalFormatException.class, reader::next);
            assertTrue(e.getMessage().contains("unknown event tag 200"), e.getMessage());
            assertTrue(e.getMessage().contains("journal excerpt " + bad), e.getMessage());
        }
    }

    @Test
    void shouldLetAReaderOpenedOnOneThreadBeReadOnAnother() throws Exception {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7));
             JournalReader reader = journal.readFromStart()) {
            journal.append(new Tick(1));
            journal.append(new Tick(2));
            assertEquals(new Tick(1), reader.next());
            List<Object> seen = new CopyOnWriteArrayList<>();
            Thread worker = new Thread(() -> {
                try {
                    seen.add(reader.next());
                } catch (RuntimeException e) {
                    seen.add(e);
                }
            });
            worker.start();
            worker.join(10_000);
            assertEquals(List.of(new Tick(2)), seen);
        }
    }

    @Test
    void shouldRefuseAppendsFromASecondWriterThread() throws Exception {
        try (Journal journal = Journal.open(new JournalSettings(dir, 7))) {
            List<Object> outcome = new CopyOnWriteArrayList<>();
            Thread writer = new Thread(() -> outcome.add(journal.append(new Tick(1))));
            writer.start();
            writer.join(10_000);
            assertEquals(1, outcome.size(), "the first thread to append becomes the writer");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> journal.append(new Tick(2)));
            assertTrue(e.getMessage().contains("one writer thread"), e.getMessage());
            assertEquals(outcome.get(0), journal.lastIndex(), "the refused event was not written");
        }
    }

    @Test
    void shouldRejectNegativeRetention() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JournalSettings(dir, -1));
        assertTrue(e.getMessage().contains("retentionDays"), e.getMessage());
    }

    @Test
    void shouldKeepEveryDayWhenRetentionIsZero() throws IOException {
        ManualClock clock = new ManualClock(SampleEvents.T0);
        try (Journal journal = Journal.open(new JournalSettings(dir, JournalSettings.KEEP_FOREVER), clock)) {
            for (int day = 0; day < 4; day++) {
                journal.append(new Tick(clock.millis()));
                clock.advance(DAY_MS);
            }
            assertEquals(0, journal.deleteExpiredCycles());
        }
        assertEquals(4, cycleFiles().size(), cycleFiles().toString());
    }

    private List<Path> cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    private static List<Event> drain(JournalReader reader) {
        List<Event> events = new ArrayList<>();
        for (Event event = reader.next(); event != null; event = reader.next()) {
            events.add(event);
        }
        return events;
    }
}

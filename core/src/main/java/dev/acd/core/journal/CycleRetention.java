package dev.acd.core.journal;

import net.openhft.chronicle.queue.RollCycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Deletes a daily-rolled queue's cycle files that fell out of the retention window. A cycle file is named by its
 * UTC date in the roll cycle's format, and a daily cycle number is the epoch day, so the name gives the cycle.
 */
final class CycleRetention {
    static final String CYCLE_FILE_SUFFIX = ".cq4";

    private final Path dir;
    private final DateTimeFormatter fileDate;

    CycleRetention(Path dir, RollCycle rollCycle) {
        if (rollCycle.lengthInMillis() != 24 * 60 * 60 * 1000) {
            throw new IllegalArgumentException("retention counts days, so it needs a daily roll cycle, not "
                    + rollCycle);
        }
        this.dir = dir;
        this.fileDate = DateTimeFormatter.ofPattern(rollCycle.format());
    }

    /** Deletes the cycle files whose cycle is below {@code oldestKeptCycle}; returns how many it deleted. */
    int deleteCyclesBelow(int oldestKeptCycle) {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + CYCLE_FILE_SUFFIX)) {
            for (Path file : files) {
                long cycle = cycleOf(file);
                if (cycle >= 0 && cycle < oldestKeptCycle && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete expired journal files in " + dir, e);
        }
        return deleted;
    }

    /** The cycle a file holds, or -1 for a file that is not named like one of our cycle files. */
    long cycleOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(CYCLE_FILE_SUFFIX)) {
            return -1;
        }
        try {
            return LocalDate.parse(name.substring(0, name.length() - CYCLE_FILE_SUFFIX.length()), fileDate)
                    .toEpochDay();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}

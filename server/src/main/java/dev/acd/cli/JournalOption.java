package dev.acd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.report.StatsQuery;
import picocli.CommandLine.Option;

/** The {@code --journal DIR} option of commands that read a journal. */
final class JournalOption {
    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "journal directory to read")
    Path dir;

    Journal open() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--journal: " + dir + " is not a directory");
        }
        // Reading never deletes: retention 0 keeps every cycle.
        return Journal.open(new JournalSettings(dir, JournalSettings.KEEP_FOREVER));
    }

    /** The zone asked for, else the center's zone from the journal's first configuration, else UTC. */
    static ZoneId zone(ZoneId asked, Journal journal) {
        return StatsQuery.zone(asked, journal);
    }
}

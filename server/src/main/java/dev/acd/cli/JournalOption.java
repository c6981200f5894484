package dev.acd.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
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
        return Journal.open(new JournalSettings(dir, 0));
    }
}

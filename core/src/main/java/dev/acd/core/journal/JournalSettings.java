package dev.acd.core.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the journal lives and how long it keeps its daily files.
 *
 * @param dir           the journal's directory; created if missing
 * @param retentionDays how many whole days before today's file are kept; older daily files are deleted. At least 1.
 */
public record JournalSettings(Path dir, int retentionDays) {
    public JournalSettings {
        Objects.requireNonNull(dir, "journal dir");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("journal retentionDays must be at least 1, was " + retentionDays);
        }
    }
}

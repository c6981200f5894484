package dev.acd.core.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the journal lives and how long it keeps its daily files.
 *
 * @param dir           the journal's directory; created if missing
 * @param retentionDays how many whole days before today's file are kept; older daily files are deleted.
 *                      0 keeps every file forever.
 */
public record JournalSettings(Path dir, int retentionDays) {
    /** Retention that deletes nothing. */
    public static final int KEEP_FOREVER = 0;

    public JournalSettings {
        Objects.requireNonNull(dir, "journal dir");
        if (retentionDays < 0) {
            throw new IllegalArgumentException("journal retentionDays must be 0 (keep forever) or more, was "
                    + retentionDays);
        }
    }
}

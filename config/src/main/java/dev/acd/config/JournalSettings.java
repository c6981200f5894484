package dev.acd.config;

import java.nio.file.Path;

/**
 * Where the event journal lives and how long it is kept.
 *
 * @param directory     the Chronicle Queue directory (relative paths are relative to the server's working directory)
 * @param retentionDays days of journal files kept; 0 keeps them forever
 */
public record JournalSettings(Path directory, int retentionDays) {
}

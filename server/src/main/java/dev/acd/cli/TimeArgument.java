package dev.acd.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the times users type: an instant (2026-11-23T09:00:00Z), a local date-time or a date in a zone. */
final class TimeArgument {
    private TimeArgument() {
    }

    static long parse(String text, ZoneId zone, String option) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(option + ": cannot read '" + text
                            + "' as a time; use 2026-11-23, 2026-11-23T09:00 or 2026-11-23T09:00:00Z");
                }
            }
        }
    }
}

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

    /** A time range from {@code --from} / {@code --to}; an end not given is open (MIN or MAX). */
    record Range(long fromAt, long toAt) {
        boolean open() {
            return fromAt == Long.MIN_VALUE && toAt == Long.MAX_VALUE;
        }
    }

    /** Reads {@code --from} and {@code --to} (either may be null) and refuses a range that does not go forward. */
    static Range range(String from, String to, ZoneId zone) {
        long fromAt = from == null ? Long.MIN_VALUE : parse(from, zone, "--from");
        long toAt = to == null ? Long.MAX_VALUE : parse(to, zone, "--to");
        if (fromAt >= toAt) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        return new Range(fromAt, toAt);
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

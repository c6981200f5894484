package dev.acd.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A time range as users type it: each end an instant (2026-11-23T09:00:00Z), a local date-time or a date in a zone;
 * an end not given is open (Long.MIN_VALUE or Long.MAX_VALUE).
 */
public record TimeRange(long fromAt, long toAt) {
    /** Whether neither end was given. */
    public boolean open() {
        return fromAt == Long.MIN_VALUE && toAt == Long.MAX_VALUE;
    }

    /**
     * Reads both ends (either may be null) and refuses a range that does not go forward; errors name the option or
     * parameter ({@code fromName}, {@code toName}) they come from.
     */
    public static TimeRange of(String from, String to, ZoneId zone, String fromName, String toName) {
        long fromAt = from == null ? Long.MIN_VALUE : parse(from, zone, fromName);
        long toAt = to == null ? Long.MAX_VALUE : parse(to, zone, toName);
        if (fromAt >= toAt) {
            throw new IllegalArgumentException(fromName + " " + from + " is not before " + toName + " " + to);
        }
        return new TimeRange(fromAt, toAt);
    }

    /** One time, in ms since the epoch; the error names {@code name}. */
    public static long parse(String text, ZoneId zone, String name) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(name + ": cannot read '" + text
                            + "' as a time; use 2026-11-23, 2026-11-23T09:00 or 2026-11-23T09:00:00Z");
                }
            }
        }
    }
}

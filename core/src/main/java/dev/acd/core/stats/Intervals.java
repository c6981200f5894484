package dev.acd.core.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.zone.ZoneRules;

/** 15-minute intervals and days in a time zone. An interval starts on a quarter hour of local time. */
final class Intervals {
    static final long INTERVAL_MS = 15 * 60 * 1000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixed;

    Intervals(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    ZoneId zone() {
        return zone;
    }

    private long offsetMs(long at) {
        ZoneOffset offset = fixed != null ? fixed : rules.getOffset(Instant.ofEpochMilli(at));
        return offset.getTotalSeconds() * 1000L;
    }

    /** Start (epoch ms) of the interval holding {@code at}. */
    long start(long at) {
        long offset = offsetMs(at);
        return Math.floorDiv(at + offset, INTERVAL_MS) * INTERVAL_MS - offset;
    }

    /** Start of the interval after the one starting at {@code start}. */
    long next(long start) {
        long end = start + INTERVAL_MS;
        // Across an offset change the next quarter hour of local time may not be 15 minutes away.
        return fixed != null ? end : Math.max(start(end), start + 1);
    }

    LocalDate day(long at) {
        return Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
    }

    /** The ISO week holding {@code at} in this zone, as {@code 2026-W48} (week-based year, Monday first). */
    String weekKey(long at) {
        LocalDate day = day(at);
        return String.format(java.util.Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    String intervalKey(long start) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(start).atZone(zone).toOffsetDateTime());
    }
}

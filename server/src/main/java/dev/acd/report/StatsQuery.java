package dev.acd.report;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Report;
import dev.acd.core.stats.StatsProjection;

/**
 * The steps of a statistics query, as {@code acd stats} and {@code GET /api/stats} both take them: read the
 * grouping, find the center's zone, project the journal, and cut the report to the range asked for.
 */
public final class StatsQuery {
    private StatsQuery() {
    }

    /** The grouping named by {@code text}; the error names the option or parameter {@code name}. */
    public static Grouping grouping(String text, String name) {
        try {
            return Grouping.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not one of rep, queue, segment, kind, "
                    + "direction, interval, day, week");
        }
    }

    /** The zone asked for, else the center's zone from the journal's first configuration, else UTC. */
    public static ZoneId zone(ZoneId asked, Journal journal) {
        if (asked != null) {
            return asked;
        }
        try (JournalReader reader = journal.readFromStart()) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                if (event instanceof ConfigChanged changed) {
                    return changed.model().settings().zone();
                }
            }
        }
        return ZoneOffset.UTC;
    }

    /** A projection of the whole journal with intervals and days in {@code zone}. */
    public static StatsProjection project(Journal journal, ZoneId zone) {
        StatsProjection stats = new StatsProjection(zone);
        try (JournalReader reader = journal.readFromStart()) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                stats.apply(event);
            }
        }
        return stats;
    }

    /**
     * The report for {@code range}: everything seen when it is open, else the range with an open end stopping at the
     * journal's first or last event (the projection widens to whole intervals). Null when the projection saw nothing.
     */
    public static Report report(StatsProjection stats, Grouping by, TimeRange range) {
        if (stats.latestAt() == Long.MIN_VALUE) {
            return null;
        }
        if (range.open()) {
            return stats.report(by);
        }
        long to = Math.min(range.toAt(), stats.latestAt() + 1);
        long from = Math.max(range.fromAt(), Long.MIN_VALUE / 2);
        if (from >= to) {
            to = from + 1;
        }
        return stats.report(by, from, to);
    }

    /** Whether an asked zone text is a zone; the error names the parameter. */
    public static ZoneId zoneNamed(String text, String name) {
        try {
            return text == null ? null : ZoneId.of(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a time zone (e.g. Europe/Berlin, UTC)");
        }
    }
}

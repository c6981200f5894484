package dev.acd.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.acd.core.stats.GroupStore.Dim;

/**
 * Builds a {@link Report} from the stored figures and the rep time still running: the range widened to whole
 * intervals, one row per group, the totals, and the columns (standard, then one per outcome seen). Runs on the
 * projection's thread; allocates per report, never per event.
 */
final class ReportBuilder {
    private final Intervals intervals;
    private final GroupStore store;
    private final RepTimeTracker reps;

    ReportBuilder(Intervals intervals, GroupStore store, RepTimeTracker reps) {
        this.intervals = intervals;
        this.store = store;
        this.reps = reps;
    }

    /** A report over everything seen: from the first stored interval or running rep time to {@code latestAt}. */
    Report everything(Grouping by, long latestAt) {
        long first = Long.MAX_VALUE;
        TreeMap<Long, Accumulator> all = store.all();
        if (!all.isEmpty()) {
            first = all.firstKey();
        }
        first = Math.min(first, reps.earliestRunning());
        if (first == Long.MAX_VALUE) {
            return report(by, 0, 1, latestAt);
        }
        long last = Math.max(all.isEmpty() ? first : all.lastKey(), latestAt);
        return report(by, first, last + 1, latestAt);
    }

    /** See {@link StatsProjection#report(Grouping, long, long)}. */
    Report report(Grouping by, long fromAt, long toAtExclusive, long latestAt) {
        if (by == null) {
            throw new IllegalArgumentException("report grouping is null");
        }
        if (toAtExclusive <= fromAt) {
            throw new IllegalArgumentException("report range is empty: from " + fromAt + " ms to " + toAtExclusive
                    + " ms (exclusive)");
        }
        long from = intervals.start(fromAt);
        long to = intervals.next(intervals.start(toAtExclusive - 1));
        GroupStore running = reps.running(from, to, latestAt);

        // Groups sort by key; intervals and days are put in time order (text order breaks across a DST change).
        Map<String, Accumulator> grouped = by == Grouping.INTERVAL || by == Grouping.DAY || by == Grouping.WEEK
                ? new LinkedHashMap<>() : new TreeMap<>();
        switch (by) {
            case REP -> collect(Dim.REP, from, to, running, grouped);
            case QUEUE -> collect(Dim.QUEUE, from, to, running, grouped);
            case SEGMENT -> collect(Dim.SEGMENT, from, to, running, grouped);
            case KIND -> collect(Dim.KIND, from, to, running, grouped);
            case DIRECTION -> collect(Dim.DIRECTION, from, to, running, grouped);
            case INTERVAL, DAY, WEEK -> collectByTime(by, from, to, running, grouped);
        }
        Accumulator totals = new Accumulator();
        sumRange(store.all(), from, to, totals);
        sumRange(running.all(), from, to, totals);

        List<Metric> columns = columns(totals, grouped.values());
        List<ReportRow> rows = new ArrayList<>(grouped.size());
        for (Map.Entry<String, Accumulator> e : grouped.entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), columns));
        }
        return new Report(by, from, to, columns, rows, row(Report.TOTALS_KEY, totals, columns));
    }

    /**
     * The standard columns, then one per disposition outcome and one per QA criterion seen in the totals or a row,
     * each sorted by name.
     */
    private static List<Metric> columns(Accumulator totals, Iterable<Accumulator> groups) {
        TreeSet<String> outcomeNames = new TreeSet<>();
        TreeSet<String> criterionNames = new TreeSet<>();
        if (totals.outcomes != null) {
            outcomeNames.addAll(totals.outcomes.keySet());
        }
        if (totals.qaCriteria != null) {
            criterionNames.addAll(totals.qaCriteria.keySet());
        }
        for (Accumulator a : groups) {
            if (a.outcomes != null) {
                outcomeNames.addAll(a.outcomes.keySet());
            }
            if (a.qaCriteria != null) {
                criterionNames.addAll(a.qaCriteria.keySet());
            }
        }
        List<Metric> columns = new ArrayList<>(Metric.STANDARD);
        for (String name : outcomeNames) {
            columns.add(Metric.outcomeColumn(name));
        }
        for (String name : criterionNames) {
            columns.add(Metric.qaCriterionColumn(name));
        }
        return columns;
    }

    private static ReportRow row(String key, Accumulator a, List<Metric> columns) {
        List<MetricValue> values = new ArrayList<>(columns.size());
        for (Metric m : columns) {
            values.add(new MetricValue(m, m.valueOf(a)));
        }
        return new ReportRow(key, values);
    }

    private void collect(Dim dim, long from, long to, GroupStore running, Map<String, Accumulator> into) {
        for (GroupStore source : new GroupStore[] {store, running}) {
            for (Map.Entry<String, TreeMap<Long, Accumulator>> e : source.dim(dim).entrySet()) {
                SortedMap<Long, Accumulator> range = e.getValue().subMap(from, to);
                if (!range.isEmpty()) {
                    Accumulator sum = into.computeIfAbsent(e.getKey(), k -> new Accumulator());
                    for (Accumulator a : range.values()) {
                        sum.add(a);
                    }
                }
            }
        }
    }

    private void collectByTime(Grouping by, long from, long to, GroupStore running,
                               Map<String, Accumulator> into) {
        TreeMap<Long, Accumulator> byStart = new TreeMap<>();
        for (GroupStore source : new GroupStore[] {store, running}) {
            for (Map.Entry<Long, Accumulator> e : source.all().subMap(from, to).entrySet()) {
                byStart.computeIfAbsent(e.getKey(), k -> new Accumulator()).add(e.getValue());
            }
        }
        for (Map.Entry<Long, Accumulator> e : byStart.entrySet()) {
            String key = switch (by) {
                case DAY -> intervals.day(e.getKey()).toString();
                case WEEK -> intervals.weekKey(e.getKey());
                default -> intervals.intervalKey(e.getKey());
            };
            into.computeIfAbsent(key, k -> new Accumulator()).add(e.getValue());
        }
    }

    private static void sumRange(TreeMap<Long, Accumulator> series, long from, long to, Accumulator into) {
        for (Accumulator a : series.subMap(from, to).values()) {
            into.add(a);
        }
    }
}

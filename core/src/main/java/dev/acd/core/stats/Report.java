package dev.acd.core.stats;

import java.util.List;
import java.util.Optional;

/**
 * Figures for a time range, one row per group, plus a totals row.
 *
 * <p>The totals row holds the center-wide figures for the range (every call and every rep), not the sum of the
 * rows: a call abandoned in a queue is in no rep's row, yet it is in the totals.
 *
 * @param grouping      what the rows are
 * @param fromAt        start of the range actually covered (ms since the epoch), a 15-minute interval start
 * @param toAtExclusive end of the range actually covered, exclusive, a 15-minute interval boundary
 * @param columns       the metrics every row carries, in order: the standard metrics, then one
 *                      {@code outcome_<code>} column per disposition outcome seen in the range, then one
 *                      {@code qa_criterion_<name>} column per QA criterion scored in the range, each sorted by name
 * @param rows          rows ordered by key (intervals, days and weeks in time order)
 * @param totals        the center-wide row, keyed {@link #TOTALS_KEY}
 */
public record Report(Grouping grouping, long fromAt, long toAtExclusive, List<Metric> columns, List<ReportRow> rows,
                     ReportRow totals) {
    /** The key of the totals row. */
    public static final String TOTALS_KEY = "total";

    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The row with this key, if the range has one. */
    public Optional<ReportRow> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}

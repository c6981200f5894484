package dev.acd.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.acd.core.stats.Metric;
import dev.acd.core.stats.Report;
import dev.acd.core.stats.ReportRow;

/**
 * A report as a JSON-ready document ({@code grouping}, {@code from}, {@code to}, {@code units}, {@code rows} with the
 * totals row last, undefined values as null): what {@code acd stats --format json} prints and the API returns.
 */
public final class ReportDocument {
    private ReportDocument() {
    }

    /** The report's columns named in {@code chosen}, in that order; all of them when {@code chosen} is empty. */
    public static List<Metric> columns(Report report, List<String> chosen, String name) {
        if (chosen == null || chosen.isEmpty()) {
            return report.columns();
        }
        List<Metric> columns = new ArrayList<>();
        for (String wanted : chosen) {
            columns.add(report.columns().stream().filter(m -> m.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + ": no metric named '" + wanted
                            + "'; known: " + report.columns().stream().map(Metric::name).toList())));
        }
        return columns;
    }

    /** The document with every row and the totals. */
    public static Map<String, Object> of(Report report, List<Metric> columns) {
        return of(report, columns, row -> true, true);
    }

    /** The document with the rows {@code keep} accepts, and the totals row if {@code withTotals}. */
    public static Map<String, Object> of(Report report, List<Metric> columns, Predicate<ReportRow> keep,
                                         boolean withTotals) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("grouping", report.grouping().name().toLowerCase(Locale.ROOT));
        document.put("from", Instant.ofEpochMilli(report.fromAt()).toString());
        document.put("to", Instant.ofEpochMilli(report.toAtExclusive()).toString());
        Map<String, String> units = new LinkedHashMap<>();
        columns.forEach(m -> units.put(m.name(), m.unit().label()));
        document.put("units", units);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportRow row : report.rows()) {
            if (keep.test(row)) {
                rows.add(row(row, columns));
            }
        }
        if (withTotals) {
            rows.add(row(report.totals(), columns));
        }
        document.put("rows", rows);
        return document;
    }

    private static Map<String, Object> row(ReportRow row, List<Metric> columns) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", row.key());
        for (Metric metric : columns) {
            double value = row.values().stream().filter(v -> v.metric().equals(metric)).findFirst()
                    .map(v -> v.value()).orElse(Double.NaN);
            json.put(metric.name(), Double.isNaN(value) ? null : value);
        }
        return json;
    }
}

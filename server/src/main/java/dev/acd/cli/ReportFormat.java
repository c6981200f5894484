package dev.acd.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.Report;
import dev.acd.core.stats.ReportRow;
import dev.acd.report.ReportDocument;

/** Prints a statistics report as an aligned table (headline columns), CSV or JSON (every column). */
enum ReportFormat {
    TABLE, CSV, JSON;

    /** The columns a table shows by default: the ones a supervisor reads first for this grouping. */
    private static final List<String> CALL_HEADLINE = List.of("offered", "answered", "abandoned", "short_abandoned",
            "service_level", "asa", "longest_wait", "avg_talk_time", "avg_hold_time", "avg_wrap_time",
            "avg_handle_time", "revenue");
    private static final List<String> REP_HEADLINE = List.of("offers", "handled", "ring_no_answer", "transfers",
            "avg_talk_time", "avg_hold_time", "avg_wrap_time", "avg_handle_time", "occupancy", "dispositions",
            "revenue");

    void print(Report report, List<String> chosen, PrintWriter out) {
        List<Metric> columns = columns(report, chosen);
        List<ReportRow> rows = new ArrayList<>(report.rows());
        rows.add(report.totals());
        switch (this) {
            case TABLE -> table(report.grouping(), columns, rows, out);
            case CSV -> csv(report.grouping(), columns, rows, out);
            case JSON -> json(report, columns, out);
        }
        out.flush();
    }

    private List<Metric> columns(Report report, List<String> chosen) {
        List<String> names = chosen != null && !chosen.isEmpty() ? chosen
                : this != TABLE ? report.columns().stream().map(Metric::name).toList()
                : report.grouping() == Grouping.REP || report.grouping() == Grouping.KIND ? REP_HEADLINE
                : CALL_HEADLINE;
        List<Metric> columns = new ArrayList<>();
        for (String name : names) {
            Metric metric = report.columns().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--metrics: no metric named '" + name
                            + "'; known: " + report.columns().stream().map(Metric::name).toList()));
            columns.add(metric);
        }
        return columns;
    }

    private static void table(Grouping grouping, List<Metric> columns, List<ReportRow> rows, PrintWriter out) {
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[columns.size() + 1];
        header[0] = grouping.name().toLowerCase(Locale.ROOT);
        for (int c = 0; c < columns.size(); c++) {
            header[c + 1] = columns.get(c).name() + unitSuffix(columns.get(c));
        }
        cells.add(header);
        for (ReportRow row : rows) {
            String[] line = new String[columns.size() + 1];
            line[0] = row.key();
            for (int c = 0; c < columns.size(); c++) {
                line[c + 1] = human(columns.get(c), row.value(columns.get(c)));
            }
            cells.add(line);
        }
        int[] widths = new int[header.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder text = new StringBuilder();
            String[] line = cells.get(r);
            for (int c = 0; c < line.length; c++) {
                String format = c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s";
                text.append(String.format(Locale.ROOT, format, line[c]));
            }
            out.println(text.toString().stripTrailing());
            if (r == 0 || r == cells.size() - 2) {
                out.println("-".repeat(text.toString().stripTrailing().length()));
            }
        }
    }

    private static String unitSuffix(Metric metric) {
        return switch (metric.unit()) {
            case SECONDS -> "_s";
            case RATIO -> "_%";
            default -> "";
        };
    }

    /** Table cells: seconds with one decimal, ratios as percent, money in whole currency units. */
    private static String human(Metric metric, double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return switch (metric.unit()) {
            case COUNT -> String.format(Locale.ROOT, "%d", Math.round(value));
            case SECONDS -> String.format(Locale.ROOT, "%.1f", value);
            case RATIO -> String.format(Locale.ROOT, "%.1f", value * 100);
            case CENTS -> String.format(Locale.ROOT, "%,.0f", value / 100);
            case SCORE -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    private static void csv(Grouping grouping, List<Metric> columns, List<ReportRow> rows, PrintWriter out) {
        StringBuilder header = new StringBuilder(grouping.name().toLowerCase(Locale.ROOT));
        columns.forEach(m -> header.append(',').append(m.name()));
        out.println(header);
        for (ReportRow row : rows) {
            StringBuilder line = new StringBuilder(quote(row.key()));
            for (Metric metric : columns) {
                double value = row.value(metric);
                line.append(',').append(Double.isNaN(value) ? "" : plain(value));
            }
            out.println(line);
        }
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "");
    }

    private static void json(Report report, List<Metric> columns, PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(ReportDocument.of(report, columns)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the report as JSON", e);
        }
    }
}

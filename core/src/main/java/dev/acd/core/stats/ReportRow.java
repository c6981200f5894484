package dev.acd.core.stats;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One row of a report: the group's key and its figures, in the report's column order.
 *
 * @param key    the group value: a rep id, queue id, segment, rep kind, direction, interval start or date;
 *               {@link Report#TOTALS_KEY} for the totals row
 * @param values one value per column of the report, in the same order as {@link Report#columns()}
 */
public record ReportRow(String key, List<MetricValue> values) {
    public ReportRow {
        values = List.copyOf(values);
    }

    /** The value of the metric with this snake_case name; throws NoSuchElementException naming it if absent. */
    public double value(String metricName) {
        for (MetricValue v : values) {
            if (v.metric().name().equals(metricName)) {
                return v.value();
            }
        }
        throw new NoSuchElementException("no metric '" + metricName + "' in row '" + key + "'");
    }

    /** The value of a metric; see {@link #value(String)}. */
    public double value(Metric metric) {
        return value(metric.name());
    }
}

package dev.acd.core.stats;

/**
 * One figure of a report row. {@code value} is NaN when the figure is undefined for the row: a ratio or average with
 * nothing to divide by (ASA with no answered call), or a figure that does not apply (occupancy of a queue).
 */
public record MetricValue(Metric metric, double value) {
    /** Whether the value is a number (not NaN); printers write undefined values as empty or null. */
    public boolean defined() {
        return !Double.isNaN(value);
    }
}

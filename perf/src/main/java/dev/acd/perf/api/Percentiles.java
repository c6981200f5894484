package dev.acd.perf.api;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/** One table row of a latency histogram recorded in microseconds: count, p50, p90, p99, p99.9, max. */
final class Percentiles {
    static final String HEADER = "| count | p50 | p90 | p99 | p99.9 | max |";
    static final String RULE = "|---|---|---|---|---|---|";

    private Percentiles() {
    }

    static String row(Histogram us) {
        return String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s |", us.getTotalCount(),
                time(us.getValueAtPercentile(50)), time(us.getValueAtPercentile(90)),
                time(us.getValueAtPercentile(99)), time(us.getValueAtPercentile(99.9)), time(us.getMaxValue()));
    }

    static String time(long us) {
        if (us < 1_000) {
            return us + " us";
        }
        return us < 1_000_000 ? String.format(Locale.ROOT, "%.1f ms", us / 1e3)
                : String.format(Locale.ROOT, "%.2f s", us / 1e6);
    }

    /** The load average and core count now, for the results. */
    static String machine() {
        String load;
        try {
            load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            load = "unknown";
        }
        return String.format(Locale.ROOT, "%d cores, Java %s, load average %s", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), load);
    }
}

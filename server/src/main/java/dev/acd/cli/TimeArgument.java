package dev.acd.cli;

import java.time.ZoneId;

import dev.acd.report.TimeRange;

/** Reads {@code --from} and {@code --to} as {@link TimeRange} does, naming the options in errors. */
final class TimeArgument {
    private TimeArgument() {
    }

    /** A time range from {@code --from} / {@code --to}; an end not given is open (MIN or MAX). */
    static TimeRange range(String from, String to, ZoneId zone) {
        return TimeRange.of(from, to, zone, "--from", "--to");
    }
}

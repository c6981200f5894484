package dev.acd.core.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A weekly window in which a field rep takes live calls, in the rep's own time zone.
 * The window includes {@code start} and excludes {@code end}; {@code end} before {@code start} wraps past midnight.
 */
public record LiveWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    public LiveWindow {
        days = Set.copyOf(days);
    }

    /** Whether a local day and time fall inside this window. */
    public boolean contains(DayOfWeek day, LocalTime time) {
        if (!start.isAfter(end)) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        // Wraps midnight: the evening part belongs to the listed day, the morning part to the day after.
        return days.contains(day) && !time.isBefore(start) || days.contains(day.minus(1)) && time.isBefore(end);
    }
}

package dev.acd.config;

import java.util.List;

/**
 * How call arrivals spread over the day: a weight per local hour (0-23) that multiplies each line's
 * configured arrivals per hour. 1.0 means the configured rate, 0 means no calls.
 *
 * @param name    the named curve it came from, or "custom" for 24 weights written out
 * @param weights exactly 24 weights, index = hour of day in the center's time zone
 */
public record DailyProfile(String name, List<Double> weights) {
    /** Hours in a day, the number of weights a profile has. */
    public static final int HOURS = 24;

    public DailyProfile {
        weights = List.copyOf(weights);
        if (weights.size() != HOURS) {
            throw new IllegalArgumentException("a daily profile has 24 hourly weights, got " + weights.size());
        }
    }

    /** The weight of an hour of the day (0-23). */
    public double weight(int hour) {
        return weights.get(hour);
    }

    /** Office hours: nothing at night, a morning peak at 10-11, a lunch dip, an afternoon peak at 14-15. */
    public static final DailyProfile BUSINESS_DAY = new DailyProfile("business-day", List.of(
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.05,
            0.45, 0.85, 1.0, 0.95, 0.65, 0.7, 0.95, 1.0,
            0.8, 0.5, 0.15, 0.0, 0.0, 0.0, 0.0, 0.0));

    /** The same rate around the clock. */
    public static final DailyProfile FLAT = new DailyProfile("flat", List.of(
            1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
            1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));

    /** Office hours with one long flat plateau from 09 to 17. */
    public static final DailyProfile OFFICE_HOURS = new DailyProfile("office-hours", List.of(
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
            1.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));

    /** The named curves a configuration may use instead of 24 weights. */
    public static final List<DailyProfile> NAMED = List.of(BUSINESS_DAY, OFFICE_HOURS, FLAT);
}

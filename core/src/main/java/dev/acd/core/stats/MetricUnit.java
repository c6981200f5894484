package dev.acd.core.stats;

/** The unit a {@link Metric}'s values are in. */
public enum MetricUnit {
    /** A whole number of things (calls, offers, scores). */
    COUNT,
    /** A duration in seconds, with millisecond precision. */
    SECONDS,
    /** A share between 0 and 1 (service level, occupancy, abandon rate); occupancy may pass 1, see the docs. */
    RATIO,
    /** Money in cents of the center's currency. */
    CENTS,
    /** A QA score from 0 to 100. */
    SCORE;

    /** The unit's lower-case name, as a CLI or JSON header prints it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

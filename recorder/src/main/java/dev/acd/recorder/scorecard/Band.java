package dev.acd.recorder.scorecard;

/**
 * Values from {@code from} (inclusive) to {@code to} (exclusive) earn {@code points} (0 to 100); either end may be
 * infinite, so a band with one end is a threshold.
 */
public record Band(double from, double to, double points) {
    /** Whether a value falls in this band. */
    public boolean contains(double value) {
        return value >= from && value < to;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ") -> " + points;
    }
}

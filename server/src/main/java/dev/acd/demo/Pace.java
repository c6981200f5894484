package dev.acd.demo;

/**
 * The demo's time compression: the configuration's durations (talk, wrap-up, patience, answer delay) pass
 * {@code speed} times faster, and calls arrive {@code speed} times more often. SIP timers, ring timeouts and the
 * server's own clocks are not compressed.
 */
public record Pace(double speed) {
    public Pace {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, was " + speed);
        }
    }

    /** Real milliseconds for {@code configuredSeconds} of simulated time. */
    public long ms(double configuredSeconds) {
        return Math.max(0, Math.round(configuredSeconds * 1_000 / speed));
    }

    /** Real calls per hour for a configured rate. */
    public double perHour(double configuredPerHour) {
        return configuredPerHour * speed;
    }
}

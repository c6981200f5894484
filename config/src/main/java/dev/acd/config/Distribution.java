package dev.acd.config;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A distribution of durations for the simulator, in seconds.
 *
 * @param kind  the shape
 * @param mean  the mean in seconds (for {@link Kind#FIXED}, the one value)
 * @param sigma for {@link Kind#LOGNORMAL} the standard deviation of the underlying normal (shape); 0 for the others
 */
public record Distribution(Kind kind, double mean, double sigma) {

    /** The shapes a duration can have. */
    public enum Kind {
        /** Memoryless: many short, a few long. */
        EXPONENTIAL,
        /** Skewed with a long tail; the usual fit for talk times. */
        LOGNORMAL,
        /** Always the mean. */
        FIXED
    }

    public Distribution {
        Objects.requireNonNull(kind, "kind");
    }

    public static Distribution exponential(double mean) {
        return new Distribution(Kind.EXPONENTIAL, mean, 0);
    }

    public static Distribution lognormal(double mean, double sigma) {
        return new Distribution(Kind.LOGNORMAL, mean, sigma);
    }

    public static Distribution fixed(double value) {
        return new Distribution(Kind.FIXED, value, 0);
    }

    /** Draws one duration in seconds (never negative). */
    public double sample(RandomGenerator random) {
        switch (kind) {
            case EXPONENTIAL:
                return -mean * Math.log(1.0 - random.nextDouble());
            case LOGNORMAL:
                // mu is chosen so that the distribution's mean (not its median) is the configured mean.
                double mu = Math.log(mean) - sigma * sigma / 2;
                return Math.exp(mu + sigma * random.nextGaussian());
            default:
                return mean;
        }
    }

    /** As the configuration reference writes it, e.g. "lognormal, mean 300 s, sigma 0.7". */
    @Override
    public String toString() {
        String text = kind.name().toLowerCase() + ", mean " + Setting.number(mean) + " s";
        return kind == Kind.LOGNORMAL ? text + ", sigma " + Setting.number(sigma) : text;
    }
}

package dev.acd.testkit;

/**
 * Tone checks for tests with the Goertzel filter on 8 kHz audio: how strong one frequency is in a stretch of
 * samples, and whether one frequency dominates another.
 */
public final class Tones {
    /** Power the wanted tone needs to count as heard, not as line noise. */
    private static final double LOUD = 1e5;
    /** How much stronger than the other tone the wanted one must be. */
    private static final double DOMINANCE = 100;

    private Tones() {
    }

    /** Relative power of {@code hz} in samples {@code from..to} (8 kHz). */
    public static double power(short[] samples, int from, int to, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / ((double) (to - from) * (to - from));
    }

    /** True when samples {@code from..to} carry {@code wanted} at 100 times the power of {@code other}, loudly. */
    public static boolean dominates(short[] samples, int from, int to, double wanted, double other) {
        if (to - from < 160 || from < 0 || to > samples.length) {
            return false;
        }
        double w = power(samples, from, to, wanted);
        return w > LOUD && w > DOMINANCE * power(samples, from, to, other);
    }

    /** {@link #dominates} over all the samples. */
    public static boolean dominates(short[] samples, double wanted, double other) {
        return dominates(samples, 0, samples.length, wanted, other);
    }

    /** {@link #dominates} over the last {@code n} samples. */
    public static boolean lastDominates(short[] samples, int n, double wanted, double other) {
        return samples.length >= n && dominates(samples, samples.length - n, samples.length, wanted, other);
    }
}

package dev.acd.e2e;

/** Tone checks with the Goertzel filter: which of two frequencies dominates a stretch of 8 kHz audio. */
final class Tones {
    private Tones() {
    }

    static double power(short[] samples, int from, int to, double hz) {
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
    static boolean dominates(short[] samples, int from, int to, double wanted, double other) {
        if (to - from < 160 || from < 0 || to > samples.length) {
            return false;
        }
        double w = power(samples, from, to, wanted);
        double o = power(samples, from, to, other);
        return w > 100 * o && w > 1e5;
    }

    /** {@link #dominates} over the last {@code n} samples. */
    static boolean lastDominates(short[] samples, int n, double wanted, double other) {
        return samples.length >= n && dominates(samples, samples.length - n, samples.length, wanted, other);
    }
}

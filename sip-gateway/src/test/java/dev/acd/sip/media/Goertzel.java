package dev.acd.sip.media;

/** Relative power of one frequency in a block of samples (the Goertzel filter), for checking tones in tests. */
final class Goertzel {
    private Goertzel() {
    }

    static double power(short[] samples, int from, int to, double frequencyHz, int rateHz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / rateHz);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / ((double) (to - from) * (to - from));
    }

    /** True when {@code wanted} carries at least 100 times the power of {@code other} and is loud. */
    static boolean dominates(short[] samples, double wantedHz, double otherHz) {
        double wanted = power(samples, 0, samples.length, wantedHz, 8000);
        double other = power(samples, 0, samples.length, otherHz, 8000);
        return wanted > 100 * other && wanted > 1e5;
    }
}

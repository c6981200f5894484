package dev.acd.recorder.analysis;

/** Frame energies in dB relative to a full-scale 16-bit square wave (dBFS). */
final class FrameEnergy {
    /** The level given to digital silence, so logs stay finite. */
    static final double SILENCE_DBFS = -100;
    private static final double FULL_SCALE_SQUARED = 32768.0 * 32768.0;
    private static final double SILENCE_POWER = Math.pow(10, SILENCE_DBFS / 10);

    private FrameEnergy() {
    }

    static double dbfs(double sumOfSquares, int samples) {
        if (samples == 0) {
            return SILENCE_DBFS;
        }
        double power = sumOfSquares / samples / FULL_SCALE_SQUARED;
        return 10 * Math.log10(Math.max(power, SILENCE_POWER));
    }
}

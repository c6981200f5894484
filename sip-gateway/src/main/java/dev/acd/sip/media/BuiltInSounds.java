package dev.acd.sip.media;

/**
 * The default sounds, synthesised in code at first use (no files shipped): a soft hold tune and a beep, 8 kHz PCM16.
 * Used when the configuration names no WAV files. Thread-safe; the arrays are shared, do not change them.
 */
public final class BuiltInSounds {
    private static final int RATE_HZ = 8000;
    /** C major, A minor, F major, G major: I-vi-IV-V, two seconds each, in a middle register that G.711 keeps well. */
    private static final double[][] CHORDS_HZ = {
        {261.63, 329.63, 392.00},
        {220.00, 261.63, 329.63},
        {174.61, 220.00, 261.63},
        {196.00, 246.94, 293.66},
    };
    private static final double CHORD_SECONDS = 2.0;

    private BuiltInSounds() {
    }

    private static final class Holder {
        static final short[] HOLD_MUSIC = synthesiseHoldMusic();
        static final short[] BEEP = tone(1000, 200, 0.3);
    }

    /** Eight seconds of chords that loop seamlessly (each chord fades in and out). */
    public static short[] holdMusic() {
        return Holder.HOLD_MUSIC;
    }

    /** A 200 ms 1 kHz beep, e.g. before a recorded call or as a prompt placeholder. */
    public static short[] beep() {
        return Holder.BEEP;
    }

    /**
     * A sine tone with 5 ms fades at both ends (no clicks).
     *
     * @param amplitude 0 to 1 of full scale
     */
    public static short[] tone(double frequencyHz, int durationMs, double amplitude) {
        int n = RATE_HZ * durationMs / 1000;
        short[] out = new short[n];
        int ramp = Math.min(n / 2, RATE_HZ / 200);
        for (int i = 0; i < n; i++) {
            double envelope = Math.min(1.0, Math.min(i, n - 1 - i) / (double) Math.max(1, ramp));
            out[i] = (short) Math.round(amplitude * envelope * 32767 * Math.sin(2 * Math.PI * frequencyHz * i / RATE_HZ));
        }
        return out;
    }

    private static short[] synthesiseHoldMusic() {
        int perChord = (int) (RATE_HZ * CHORD_SECONDS);
        short[] out = new short[perChord * CHORDS_HZ.length];
        for (int c = 0; c < CHORDS_HZ.length; c++) {
            for (int i = 0; i < perChord; i++) {
                double t = i / (double) RATE_HZ;
                // a piano-like swell and fade so the chord change and the loop point are soft
                double envelope = Math.min(1.0, t / 0.08) * Math.exp(-1.2 * t) * Math.min(1.0, (perChord - i) / 800.0);
                double v = 0;
                for (double f : CHORDS_HZ[c]) {
                    v += Math.sin(2 * Math.PI * f * t) + 0.25 * Math.sin(4 * Math.PI * f * t);
                }
                out[c * perChord + i] = (short) Math.round(v / 3.75 * envelope * 0.35 * 32767);
            }
        }
        return out;
    }
}

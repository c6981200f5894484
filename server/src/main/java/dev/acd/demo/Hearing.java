package dev.acd.demo;

/**
 * What one simulated party hears from the other: whether a voice (not silence) arrived lately. Fed with decoded
 * frames and read by that party's {@link Voice}; both run on the party's RTP event loop.
 */
final class Hearing {
    /** RMS level above which a frame counts as someone talking (about -40 dBFS; G.711 silence is far below). */
    static final double VOICE_RMS = 300;

    /** Until a voice is heard, silence counts from when listening began. */
    private long lastVoiceNanos = System.nanoTime();
    private long voiceFrames;

    void heard(short[] pcm, int count) {
        if (count <= 0) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        if (Math.sqrt(sum / count) >= VOICE_RMS) {
            lastVoiceNanos = System.nanoTime();
            voiceFrames++;
        }
    }

    /** True when a voice was heard after {@code nanos} (a {@link System#nanoTime} value). */
    boolean heardSince(long nanos) {
        return voiceFrames > 0 && lastVoiceNanos - nanos > 0;
    }

    /** Milliseconds since a voice was last heard, or since listening began when none was yet. */
    long silentMs() {
        return (System.nanoTime() - lastVoiceNanos) / 1_000_000;
    }

    /** Frames heard with a voice in them, since the start. */
    long voiceFrames() {
        return voiceFrames;
    }
}

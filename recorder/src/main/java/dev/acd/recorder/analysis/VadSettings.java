package dev.acd.recorder.analysis;

/**
 * Tuning of the voice activity detection; {@link #DEFAULTS} suit telephone speech.
 *
 * @param frameMs             analysis frame length
 * @param floorWindowMs       how far back and ahead of a frame the noise floor is looked for (its quietest frame)
 * @param onsetDb             how far above the noise floor a frame must be to start speech
 * @param releaseDb           how far above the noise floor a frame must stay for speech to go on
 * @param minSpeechDbfs       frames quieter than this are never speech, however quiet the line
 * @param bridgeGapMs         pauses up to this long inside one party's speech do not split a segment
 * @param minSegmentMs        shorter segments (clicks, pops) are dropped
 * @param crosstalkDb         a frame this far below the other channel's level is taken for the other party leaking
 *                            in (echo, crosstalk), not speech
 * @param crosstalkLookbackMs how far back the other channel's level is looked at, to cover the echo's delay
 */
public record VadSettings(int frameMs, int floorWindowMs, double onsetDb, double releaseDb, double minSpeechDbfs,
                          int bridgeGapMs, int minSegmentMs, double crosstalkDb, int crosstalkLookbackMs) {
    /** Defaults for telephone recordings. */
    public static final VadSettings DEFAULTS = new VadSettings(10, 4_000, 10, 3, -55, 300, 100, 24, 60);

    public VadSettings {
        if (frameMs < 5 || frameMs > 50) {
            throw new IllegalArgumentException("frameMs " + frameMs + " is outside 5..50");
        }
        if (floorWindowMs < 10 * frameMs) {
            throw new IllegalArgumentException("floorWindowMs " + floorWindowMs + " must cover at least 10 frames");
        }
        if (releaseDb <= 0 || onsetDb < releaseDb) {
            throw new IllegalArgumentException("need 0 < releaseDb <= onsetDb, got release " + releaseDb
                    + " onset " + onsetDb);
        }
        if (bridgeGapMs < 0 || minSegmentMs < 0 || crosstalkLookbackMs < 0 || crosstalkDb <= 0) {
            throw new IllegalArgumentException("bridgeGapMs, minSegmentMs, crosstalkLookbackMs must be >= 0 and "
                    + "crosstalkDb > 0");
        }
    }
}

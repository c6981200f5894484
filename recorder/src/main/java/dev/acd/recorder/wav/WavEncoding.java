package dev.acd.recorder.wav;

/** How samples are stored in a WAV file's data chunk. */
public enum WavEncoding {
    /** Linear PCM, 16 bits signed little-endian (format tag 1). */
    PCM_16(1, 16, 32767),
    /** G.711 A-law, 8 bits (format tag 6). */
    ALAW(6, 8, 32256),
    /** G.711 u-law, 8 bits (format tag 7). */
    ULAW(7, 8, 32124);

    private final int formatTag;
    private final int bitsPerSample;
    private final int fullScale;

    WavEncoding(int formatTag, int bitsPerSample, int fullScale) {
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
        this.fullScale = fullScale;
    }

    /** The WAVE format tag (wFormatTag) of this encoding. */
    public int formatTag() {
        return formatTag;
    }

    /** Bits one sample of one channel takes in the file. */
    public int bitsPerSample() {
        return bitsPerSample;
    }

    /** The largest magnitude a decoded sample can have: G.711 tops out below 16-bit full scale. */
    public int fullScale() {
        return fullScale;
    }
}

package dev.acd.recorder.wav;

/**
 * The format of a WAV recording.
 *
 * @param dataBytes the data chunk's size in bytes, or -1 when the header does not say (a recording cut short)
 */
public record WavFormat(WavEncoding encoding, int channels, int sampleRateHz, long dataBytes) {
    /** Bytes one sample frame (one sample of every channel) takes in the file. */
    public int blockAlign() {
        return channels * encoding.bitsPerSample() / 8;
    }

    /** The recording's length from its header, or -1 when the header does not say. */
    public long durationMs() {
        return dataBytes < 0 ? -1 : dataBytes / blockAlign() * 1000 / sampleRateHz;
    }
}

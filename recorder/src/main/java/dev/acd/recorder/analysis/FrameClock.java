package dev.acd.recorder.analysis;

/** Converts frame numbers to milliseconds by their first sample, so frames of any sample rate line up exactly. */
record FrameClock(int sampleRateHz, int frameSamples) {
    long startMs(long frame) {
        return frame * frameSamples * 1000 / sampleRateHz;
    }
}

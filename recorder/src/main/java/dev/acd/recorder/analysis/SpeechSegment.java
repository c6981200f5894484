package dev.acd.recorder.analysis;

/** A stretch of one party's speech, in milliseconds from the start of the recording; end is exclusive. */
public record SpeechSegment(long startMs, long endMs) {
    public SpeechSegment {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("segment " + startMs + ".." + endMs + " ms is not a forward interval");
        }
    }

    /** How long the party spoke. */
    public long durationMs() {
        return endMs - startMs;
    }
}

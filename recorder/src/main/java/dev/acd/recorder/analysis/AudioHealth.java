package dev.acd.recorder.analysis;

/**
 * Audio health of a recording.
 *
 * @param oneWayAudio one channel is silent for the whole call while the other has speech
 */
public record AudioHealth(ChannelHealth customer, ChannelHealth rep, boolean oneWayAudio) {
    /** Above this share of clipped samples a channel counts as clipping (0.1%). */
    public static final double CLIPPING_RATIO = 0.001;
    /** A channel with less speech than this in the whole call counts as silent. */
    public static final long SILENT_MAX_TALK_MS = 1_000;
}

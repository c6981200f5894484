package dev.acd.recorder.analysis;

/**
 * Audio health of one party's channel.
 *
 * @param clippedSampleRatio share of samples at (or within 1% of) full scale
 * @param clipping           the clipped share is above {@link AudioHealth#CLIPPING_RATIO}
 * @param speechLevelDbfs    RMS level of the speech frames; null when the party never spoke
 * @param noiseFloorDbfs     mean noise floor over the call
 * @param silent             the party spoke less than {@link AudioHealth#SILENT_MAX_TALK_MS} in the whole call
 */
public record ChannelHealth(double clippedSampleRatio, boolean clipping, Double speechLevelDbfs,
                            double noiseFloorDbfs, boolean silent) {
}

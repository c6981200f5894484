package dev.acd.recorder.scoring;

/**
 * How far the scorer is, for the log and {@code /metrics}.
 *
 * @param backlog recordings submitted but not yet scored or failed (queued or being analysed)
 */
public record ScoringProgress(long submitted, long scored, long failed, long backlog) {
}

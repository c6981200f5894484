package dev.acd.recorder.qa;

/**
 * How far the QA service is, for the log and {@code /metrics}.
 *
 * @param backlog  recordings announced and not yet scored: waiting for the rep's wrap-up, queued or being analysed
 * @param scored   recordings scored since the service started
 * @param failed   recordings that could not be scored since the service started
 * @param caughtUp whether the service has read the journal to its end at least once since it started
 */
public record QaProgress(long backlog, long scored, long failed, boolean caughtUp) {
}

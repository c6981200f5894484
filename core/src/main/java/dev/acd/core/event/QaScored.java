package dev.acd.core.event;

/**
 * A call was scored for quality.
 *
 * @param score  0 to 100
 * @param manual true for a supervisor's score, false for the automatic one
 */
public record QaScored(long at, long callId, String repId, String scorecard, int score, boolean manual)
        implements Event, CallEvent, RepEvent {
}

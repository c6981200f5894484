package dev.acd.core.event;

import java.util.List;

/**
 * A call was scored for quality.
 *
 * @param score    0 to 100
 * @param manual   true for a supervisor's score (journals from before {@link QaRated}), false for the automatic one
 * @param criteria each criterion's points (0 to 100), in the scorecard's order; empty when not known
 */
public record QaScored(long at, long callId, String repId, String scorecard, int score, boolean manual,
                       List<QaCriterionScore> criteria) implements Event, CallEvent, RepEvent {
    public QaScored {
        criteria = List.copyOf(criteria);
    }

    /** A score without its criteria. */
    public QaScored(long at, long callId, String repId, String scorecard, int score, boolean manual) {
        this(at, callId, repId, scorecard, score, manual, List.of());
    }
}

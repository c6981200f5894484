package dev.acd.core.event;

import java.util.List;

/**
 * An automatically scored call needs a supervisor's review; a later {@link QaRated} for the call closes it.
 *
 * @param score   the automatic score, 0 to 100
 * @param reasons why, at least one
 */
public record QaReviewRequested(long at, long callId, String repId, String scorecard, int score,
                                List<QaReviewReason> reasons) implements Event, CallEvent, RepEvent {
    public QaReviewRequested {
        reasons = List.copyOf(reasons);
    }
}

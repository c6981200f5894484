package dev.acd.recorder.qa;

import java.util.List;

import dev.acd.core.event.QaReviewReason;

/**
 * A scored call waiting for a supervisor's review.
 *
 * @param score       the automatic score, 0 to 100
 * @param requestedAt when it was sent to review, ms since the epoch
 */
public record ReviewItem(long callId, String repId, String scorecard, int score, List<QaReviewReason> reasons,
                         long requestedAt) {
    public ReviewItem {
        reasons = List.copyOf(reasons);
    }
}

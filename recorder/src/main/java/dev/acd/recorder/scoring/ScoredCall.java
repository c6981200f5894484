package dev.acd.recorder.scoring;

import java.util.List;

import dev.acd.core.event.QaReviewReason;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.scorecard.QaScore;

/**
 * A recording analysed and scored: the event to journal, and the detail behind it.
 *
 * @param review why supervisors should review the call; empty when it needs no review
 */
public record ScoredCall(RecordingReady recording, CallAnalysis analysis, QaScore score, List<QaReviewReason> review,
                         QaScored event) {
    public ScoredCall {
        review = List.copyOf(review);
    }
}

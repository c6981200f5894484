package dev.acd.recorder.scorecard;

import java.util.ArrayList;
import java.util.List;

import dev.acd.core.event.QaReviewReason;
import dev.acd.recorder.analysis.CallAnalysis;

/**
 * Which scored calls supervisors should review: a score under {@code minScore}, one-way audio (when
 * {@code oneWayAudio}), or a pause with nobody speaking of at least {@code longDeadAirMs} between the first and
 * last words.
 */
public record ReviewPolicy(double minScore, long longDeadAirMs, boolean oneWayAudio) {
    /** Review calls under 60 points, with one-way audio, or with 15 s or more of dead air in one stretch. */
    public static final ReviewPolicy DEFAULTS = new ReviewPolicy(60, 15_000, true);

    /** A policy that sends calls with one-way audio to review. */
    public ReviewPolicy(double minScore, long longDeadAirMs) {
        this(minScore, longDeadAirMs, true);
    }

    public ReviewPolicy {
        if (!(minScore >= 0 && minScore <= 100)) {
            throw new IllegalArgumentException("review minScore " + minScore + " must be from 0 to 100");
        }
        if (longDeadAirMs <= 0) {
            throw new IllegalArgumentException("review longDeadAirMs " + longDeadAirMs + " must be more than 0");
        }
    }

    /** The reasons to review this call, in the order of {@link QaReviewReason}; empty when it needs no review. */
    public List<QaReviewReason> reasons(CallAnalysis analysis, QaScore score) {
        List<QaReviewReason> reasons = new ArrayList<>(3);
        if (score.total() < minScore) {
            reasons.add(QaReviewReason.LOW_SCORE);
        }
        if (oneWayAudio && analysis.audio().oneWayAudio()) {
            reasons.add(QaReviewReason.ONE_WAY_AUDIO);
        }
        if (analysis.conversation().longestSilenceMs() >= longDeadAirMs) {
            reasons.add(QaReviewReason.LONG_DEAD_AIR);
        }
        return List.copyOf(reasons);
    }
}

package dev.acd.recorder.scorecard;

import java.util.List;

/** A call's automatic score on one scorecard: the weighted total (0 to 100) and each criterion's part. */
public record QaScore(String scorecard, double total, List<CriterionScore> criteria) {
    public QaScore {
        criteria = List.copyOf(criteria);
    }

    /** The total rounded to a whole number, as journaled in a {@code QaScored} event. */
    public int rounded() {
        return (int) Math.round(total);
    }
}

package dev.acd.recorder.scorecard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A call's score once a supervisor has rated it: the automatic total and the mean of the manual ratings (each 1 to 5
 * mapped to 0 to 100), weighted by {@code manualShare} (0 to 1) of the whole. Without ratings it is the automatic
 * score.
 */
public record MergedScore(double automatic, Double manual, double manualShare, double total,
                          List<ManualRating> ratings) {
    /** Manual ratings count for half of the merged score unless a scorecard says otherwise. */
    public static final double DEFAULT_MANUAL_SHARE = 0.5;

    public MergedScore {
        ratings = List.copyOf(ratings);
    }

    /** Merges a supervisor's ratings (each criterion at most once) into an automatic score. */
    public static MergedScore of(QaScore automatic, List<ManualRating> ratings, double manualShare) {
        if (!(manualShare >= 0 && manualShare <= 1)) {
            throw new IllegalArgumentException("manual share " + manualShare + " is not from 0 to 1");
        }
        Set<String> seen = new HashSet<>();
        double sum = 0;
        for (ManualRating r : ratings) {
            if (!seen.add(r.criterion())) {
                throw new IllegalArgumentException(r.criterion() + " is rated twice");
            }
            sum += r.points();
        }
        if (ratings.isEmpty()) {
            return new MergedScore(automatic.total(), null, manualShare, automatic.total(), ratings);
        }
        double manual = sum / ratings.size();
        double total = (1 - manualShare) * automatic.total() + manualShare * manual;
        return new MergedScore(automatic.total(), manual, manualShare, total, ratings);
    }

    /** The total rounded to a whole number, as journaled in a manual {@code QaScored} event. */
    public int rounded() {
        return (int) Math.round(total);
    }
}

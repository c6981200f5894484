package dev.acd.recorder.scorecard;

import dev.acd.core.model.QaMeasure;

/**
 * What one criterion gave a call: the measured value and the points it earned (0 to 100) at its weight. A value
 * the call's facts did not tell is NaN, and the criterion is left out of the total (points NaN).
 */
public record CriterionScore(String criterion, QaMeasure measure, double value, double points, double weight) {
    /** Whether this criterion counted in the total. */
    public boolean counted() {
        return !Double.isNaN(points);
    }
}

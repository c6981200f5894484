package dev.acd.recorder.scorecard;

/** What one criterion gave a call: the measured value and the points it earned (0 to 100) at its weight. */
public record CriterionScore(String criterion, Measure measure, double value, double points, double weight) {
}

package dev.acd.core.event;

/** The points (0 to 100) one scorecard criterion gave a call. */
public record QaCriterionScore(String criterion, int points) {
}

package dev.acd.core.event;

/** A supervisor's rating of one manual criterion: 1 (poor) to 5 (excellent), with a comment ("" for none). */
public record QaRating(String criterion, int rating, String comment) {
}

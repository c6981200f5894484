package dev.acd.recorder.scorecard;

/** A supervisor's rating of one manual criterion, 1 to 5, with an optional comment. */
public record ManualRating(String criterion, int rating, String comment) {
    public ManualRating {
        if (criterion == null || criterion.isBlank()) {
            throw new IllegalArgumentException("a manual rating needs a criterion");
        }
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException(criterion + ": rating " + rating + " is not from 1 to 5");
        }
        comment = comment == null ? "" : comment;
    }

    /** The rating on the automatic score's scale: 1 is 0 points, 5 is 100. */
    public double points() {
        return (rating - 1) * 25.0;
    }
}

package dev.acd.core.event;

import java.util.List;

/**
 * A supervisor rated a scored call by hand; it closes the call's review, if it had one.
 *
 * @param supervisorId who rated it
 * @param score        the call's merged score, 0 to 100: the automatic total and the ratings, as the scorecard weighs them
 * @param ratings      one per manual criterion rated
 */
public record QaRated(long at, long callId, String repId, String supervisorId, String scorecard, int score,
                      List<QaRating> ratings) implements Event, CallEvent, RepEvent {
    public QaRated {
        ratings = List.copyOf(ratings);
    }
}

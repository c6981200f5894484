package dev.acd.core.event;

import java.util.List;

/**
 * Why the router offered a call to a rep: the rule that made the rep eligible, how the rep ranked, and who was passed
 * over. Ranking is rule, then territory match, then skill level, then longest idle, then rep id.
 *
 * @param skillScore     the sum of the rep's levels in the call's required skills
 * @param idleSince      when the rep last became idle (ms since the epoch)
 * @param candidates     how many eligible idle reps there were
 * @param passedOver     the best-ranked losers, at most the configured limit
 */
public record Explanation(Trigger trigger, Rule rule, boolean territoryMatch, int skillScore, long idleSince,
                          int candidates, List<PassedOver> passedOver) {
    public Explanation {
        passedOver = List.copyOf(passedOver);
    }
}

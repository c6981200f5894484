package dev.acd.core.model;

import java.util.Set;

/**
 * One step of a queue's widening: from {@code afterSeconds} of waiting, reps in this scope may take the call too.
 * Tiers are cumulative: at tier k every rep let in by tiers 1..k is eligible.
 *
 * @param kinds         rep kinds let in by a {@link TierScope#SKILLED} tier (ignored by the others)
 * @param offerCallback whether reaching this tier offers the caller a callback instead of waiting
 */
public record Tier(String name, int afterSeconds, TierScope scope, Set<RepKind> kinds, boolean offerCallback) {
    public Tier {
        kinds = Set.copyOf(kinds);
    }
}

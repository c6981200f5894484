package dev.acd.router;

import dev.acd.core.event.Rule;

/**
 * Who may take a call at its current tier, by the queue's cumulative tiers. Skills and live windows are checked
 * elsewhere; this is the relationship / home team / kind part. Reads only what {@code CallState.resolve} put
 * in the call, so it compares ints and bits.
 */
final class Eligibility {
    private Eligibility() {
    }

    /**
     * The strongest rule that lets rep {@code repIndex} (of kind {@code rep.kind()}) take the call at
     * {@code call.tier}, or null when none does. A queue without tiers lets any rep with the skills take its calls.
     */
    static Rule rule(CallState call, int repIndex, dev.acd.core.model.Rep rep) {
        if (call.directRep >= 0) {
            return call.directRep == repIndex ? Rule.DIRECT : null;
        }
        QueueTiers tiers = call.tiers;
        if (tiers.open()) {
            return Rule.SKILLED;
        }
        // Strongest rule first, as the Rule enum orders them.
        int tier = call.tier;
        if (tiers.relationshipAt(tier)) {
            if (call.owner == repIndex) {
                return Rule.ACCOUNT_OWNER;
            }
            if (call.partnerReps != null && call.partnerReps.get(repIndex)) {
                return Rule.OWNING_PARTNER;
            }
        }
        if (tiers.homeTeamAt(tier) && call.homeTeamReps.get(repIndex)) {
            return Rule.HOME_TEAM;
        }
        return tiers.admitsKindAt(tier, rep.kind()) ? Rule.SKILLED : null;
    }
}

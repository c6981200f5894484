package dev.acd.router;

import dev.acd.core.event.Rule;
import dev.acd.core.model.Tier;

/**
 * Who may take a call at its current tier, by the queue's cumulative tiers. Skills and live windows are checked
 * elsewhere; this is the relationship / home team / kind part. Reads only what {@code RoutingEngine.resolve} put
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
        if (call.queue.tiers().isEmpty()) {
            return Rule.SKILLED;
        }
        Rule best = null;
        int tiers = Math.min(call.tier, call.queue.tiers().size());
        for (int t = 0; t < tiers; t++) {
            Tier tier = call.queue.tiers().get(t);
            Rule rule = switch (tier.scope()) {
                case RELATIONSHIP -> {
                    if (call.owner == repIndex) {
                        yield Rule.ACCOUNT_OWNER;
                    }
                    yield call.partnerReps != null && call.partnerReps.get(repIndex) ? Rule.OWNING_PARTNER : null;
                }
                case HOME_TEAM -> call.homeTeamReps.get(repIndex) ? Rule.HOME_TEAM : null;
                case SKILLED -> tier.kinds().contains(rep.kind()) ? Rule.SKILLED : null;
            };
            if (rule != null && (best == null || rule.ordinal() < best.ordinal())) {
                best = rule;
            }
        }
        return best;
    }
}

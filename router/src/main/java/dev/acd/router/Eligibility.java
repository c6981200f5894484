package dev.acd.router;

import java.util.Set;

import dev.acd.core.event.CallClassified;
import dev.acd.core.event.Rule;
import dev.acd.core.model.Rep;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Tier;

/**
 * Who may take a call at its current tier, by the queue's cumulative tiers. Skills and live windows are checked
 * elsewhere; this is the relationship / home team / kind part. Pure.
 */
final class Eligibility {
    private Eligibility() {
    }

    /**
     * The strongest rule that lets {@code rep} take the call at {@code call.tier}, or null when none does.
     * A queue without tiers lets any rep with the skills take its calls.
     */
    static Rule rule(CallState call, int repIndex, Rep rep, Segment segment) {
        if (call.directRep >= 0) {
            return call.directRep == repIndex ? Rule.DIRECT : null;
        }
        if (call.queue.tiers().isEmpty()) {
            return Rule.SKILLED;
        }
        CallClassified cls = call.classification;
        Rule best = null;
        int tiers = Math.min(call.tier, call.queue.tiers().size());
        for (int t = 0; t < tiers; t++) {
            Tier tier = call.queue.tiers().get(t);
            Rule rule = switch (tier.scope()) {
                case RELATIONSHIP -> {
                    if (cls.accountOwner() != null && cls.accountOwner().equals(rep.id())) {
                        yield Rule.ACCOUNT_OWNER;
                    }
                    yield cls.partner() != null && cls.partner().equals(rep.partner()) ? Rule.OWNING_PARTNER : null;
                }
                case HOME_TEAM -> inHomeTeam(segment, rep) ? Rule.HOME_TEAM : null;
                case SKILLED -> tier.kinds().contains(rep.kind()) ? Rule.SKILLED : null;
            };
            if (rule != null && (best == null || rule.ordinal() < best.ordinal())) {
                best = rule;
            }
        }
        return best;
    }

    static boolean inHomeTeam(Segment segment, Rep rep) {
        if (segment == null || rep.team() == null) {
            return false;
        }
        Set<String> teams = segment.homeTeams();
        return teams.contains(rep.team());
    }
}

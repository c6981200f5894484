package dev.acd.router;

import java.util.List;

import dev.acd.core.model.Queue;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.Tier;

/**
 * A queue's tiers folded into what is open at each depth, so eligibility at tier k is a few flag and mask tests
 * instead of a walk over tiers 1..k. Immutable; built once per queue per configuration.
 */
final class QueueTiers {
    private final int count;
    /** Index k-1: whether tiers 1..k include a relationship tier, a home-team tier; which kinds they admit. */
    private final boolean[] relationship;
    private final boolean[] homeTeam;
    private final int[] kindMask;

    QueueTiers(Queue queue) {
        List<Tier> tiers = queue.tiers();
        count = tiers.size();
        relationship = new boolean[count];
        homeTeam = new boolean[count];
        kindMask = new int[count];
        boolean rel = false;
        boolean home = false;
        int kinds = 0;
        for (int t = 0; t < count; t++) {
            Tier tier = tiers.get(t);
            switch (tier.scope()) {
                case RELATIONSHIP -> rel = true;
                case HOME_TEAM -> home = true;
                case SKILLED -> {
                    for (RepKind kind : tier.kinds()) {
                        kinds |= bit(kind);
                    }
                }
            }
            relationship[t] = rel;
            homeTeam[t] = home;
            kindMask[t] = kinds;
        }
    }

    static int bit(RepKind kind) {
        return 1 << kind.ordinal();
    }

    /** Whether the queue has no tiers, which lets any rep with the skills in. */
    boolean open() {
        return count == 0;
    }

    boolean relationshipAt(int tier) {
        return relationship[depth(tier)];
    }

    boolean homeTeamAt(int tier) {
        return homeTeam[depth(tier)];
    }

    boolean admitsKindAt(int tier, RepKind kind) {
        return (kindMask[depth(tier)] & bit(kind)) != 0;
    }

    private int depth(int tier) {
        return Math.max(0, Math.min(tier, count) - 1);
    }
}

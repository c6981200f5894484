package dev.acd.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import dev.acd.core.event.Explanation;
import dev.acd.core.event.PassedOver;
import dev.acd.core.event.PassedOverWhy;
import dev.acd.core.event.Rule;
import dev.acd.core.event.Trigger;
import dev.acd.core.model.RepKind;

/**
 * Picks the best available rep for a call: intersects the available reps with the reps the call's tiers let in
 * and the reps with its skills, then ranks what is left by rule, territory match, skill level, longest idle and
 * rep id. Keeps the best-ranked losers for the explanation. Runs on the router thread only; reuses its buffers.
 */
final class RepSelector {
    /** The choice: a rep index and why, or {@link #NONE}. */
    record Choice(int rep, Rule rule, Explanation explanation) {
    }

    static final Choice NONE = new Choice(-1, null, null);
    /**
     * With this many available reps or fewer, each is checked directly; with more, bit sets are intersected first.
     * A busy center has few available reps, and building a tier's scope (whole kinds of reps) would cost more.
     */
    static final int DIRECT_SCAN_LIMIT = 32;

    private final int directScanLimit;

    private final BitSet scratch = new BitSet();
    private final BitSet scopeScratch = new BitSet();
    private int[] candidates = new int[64];
    private Rule[] rules = new Rule[64];
    private int[] scores = new int[64];
    private boolean[] territory = new boolean[64];

    RepSelector(int directScanLimit) {
        this.directScanLimit = directScanLimit;
    }

    Choice select(CallState call, RepState[] reps, RepIndex index, Trigger trigger, int passedOverLimit) {
        int available = index.availableCount();
        if (available == 0) {
            return NONE;
        }
        BitSet pool = available <= directScanLimit ? index.available() : skilledInScope(call, index);
        if (pool == null) {
            return NONE;
        }
        // Each candidate is checked in full (levels, declined, tier scope), whichever way the pool was built.
        int count = 0;
        for (int r = pool.nextSetBit(0); r >= 0; r = pool.nextSetBit(r + 1)) {
            if (call.declinedBy(r) || !meetsLevels(call.bucket, index, r)) {
                continue;
            }
            Rule rule = Eligibility.rule(call, r, reps[r].rep);
            if (rule == null) {
                continue;
            }
            ensureCapacity(count + 1);
            candidates[count] = r;
            rules[count] = rule;
            scores[count] = skillScore(call.bucket, index, r);
            territory[count] = call.classification.territory() != null
                    && call.classification.territory().equals(reps[r].rep.territory());
            count++;
        }
        if (count == 0) {
            return NONE;
        }
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (compare(i, best, reps) < 0) {
                best = i;
            }
        }
        List<PassedOver> passedOver = passedOver(best, count, passedOverLimit, reps);
        RepState chosen = reps[candidates[best]];
        Explanation why = new Explanation(trigger, rules[best], territory[best], scores[best], chosen.idleSince,
                count, passedOver);
        return new Choice(candidates[best], rules[best], why);
    }

    /** Available reps with the call's skills and in its tiers' scope, as a reused bit set; null when none. */
    private BitSet skilledInScope(CallState call, RepIndex index) {
        BitSet pool = scratch;
        pool.clear();
        pool.or(index.available());
        for (int skillId : call.bucket.skillIds) {
            if (skillId < 0) {
                return null;
            }
            pool.and(index.withSkill(skillId));
        }
        if (pool.isEmpty()) {
            return null;
        }
        BitSet inScope = scopeScratch;
        inScope.clear();
        scope(call, index, inScope);
        pool.and(inScope);
        return pool;
    }

    /**
     * The reps the call's open tiers let in, whatever their state: the same folded tiers {@link Eligibility} reads,
     * as bit sets (the account owner, partner reps, home-team reps, whole kinds).
     */
    private static void scope(CallState call, RepIndex index, BitSet pool) {
        if (call.directRep >= 0) {
            pool.set(call.directRep);
            return;
        }
        QueueTiers tiers = call.tiers;
        if (tiers.open()) {
            pool.set(0, index.repCount());
            return;
        }
        if (tiers.relationshipAt(call.tier)) {
            if (call.owner >= 0) {
                pool.set(call.owner);
            }
            if (call.partnerReps != null) {
                pool.or(call.partnerReps);
            }
        }
        if (tiers.homeTeamAt(call.tier)) {
            pool.or(call.homeTeamReps);
        }
        for (RepKind kind : RepKind.values()) {
            if (tiers.admitsKindAt(call.tier, kind)) {
                pool.or(index.ofKind(kind));
            }
        }
    }

    static boolean meetsLevels(Bucket bucket, RepIndex index, int rep) {
        return bucket.qualifies(index, rep);
    }

    static int skillScore(Bucket bucket, RepIndex index, int rep) {
        int score = 0;
        for (int skillId : bucket.skillIds) {
            score += index.level(rep, skillId);
        }
        return score;
    }

    /** Negative when candidate i ranks before candidate j. */
    private int compare(int i, int j, RepState[] reps) {
        return firstDifference(i, j, reps);
    }

    private enum Why { RULE, TERRITORY, SKILL, IDLE, ID, EQUAL }

    private Why rank(int i, int j, RepState[] reps) {
        if (rules[i] != rules[j]) {
            return Why.RULE;
        }
        if (territory[i] != territory[j]) {
            return Why.TERRITORY;
        }
        if (scores[i] != scores[j]) {
            return Why.SKILL;
        }
        if (reps[candidates[i]].idleSince != reps[candidates[j]].idleSince) {
            return Why.IDLE;
        }
        return candidates[i] != candidates[j] ? Why.ID : Why.EQUAL;
    }

    /** Sign of i versus j on the first criterion they differ in: negative when i ranks first. */
    private int firstDifference(int i, int j, RepState[] reps) {
        return switch (rank(i, j, reps)) {
            case RULE -> Integer.compare(rules[i].ordinal(), rules[j].ordinal());
            case TERRITORY -> territory[i] ? -1 : 1;
            case SKILL -> Integer.compare(scores[j], scores[i]);
            case IDLE -> Long.compare(reps[candidates[i]].idleSince, reps[candidates[j]].idleSince);
            case ID -> Integer.compare(candidates[i], candidates[j]);
            case EQUAL -> 0;
        };
    }

    private List<PassedOver> passedOver(int best, int count, int limit, RepState[] reps) {
        if (limit <= 0 || count == 1) {
            return List.of();
        }
        List<Integer> losers = new ArrayList<>(Math.min(limit, count - 1));
        for (int i = 0; i < count; i++) {
            if (i == best) {
                continue;
            }
            // Keep the best-ranked losers in order: insertion into a list of at most `limit`.
            int at = losers.size();
            while (at > 0 && compare(i, losers.get(at - 1), reps) < 0) {
                at--;
            }
            if (at < limit) {
                losers.add(at, i);
                if (losers.size() > limit) {
                    losers.remove(losers.size() - 1);
                }
            }
        }
        List<PassedOver> result = new ArrayList<>(losers.size());
        for (int loser : losers) {
            result.add(new PassedOver(reps[candidates[loser]].rep.id(), why(rank(loser, best, reps))));
        }
        return result;
    }

    private static PassedOverWhy why(Why why) {
        return switch (why) {
            case RULE -> PassedOverWhy.WEAKER_RULE;
            case TERRITORY -> PassedOverWhy.NO_TERRITORY_MATCH;
            case SKILL -> PassedOverWhy.LOWER_SKILL;
            case IDLE -> PassedOverWhy.IDLE_SHORTER;
            case ID, EQUAL -> PassedOverWhy.TIE_BREAK;
        };
    }

    private void ensureCapacity(int needed) {
        if (needed > candidates.length) {
            int size = Math.max(needed, candidates.length * 2);
            candidates = Arrays.copyOf(candidates, size);
            rules = Arrays.copyOf(rules, size);
            scores = Arrays.copyOf(scores, size);
            territory = Arrays.copyOf(territory, size);
        }
    }
}

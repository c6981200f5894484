package dev.acd.router;

import java.util.Comparator;
import java.util.TreeSet;

import dev.acd.core.model.Queue;

/**
 * The waiting calls of one queue that need the same skills, most urgent first. Sharing skills lets a rep that
 * becomes available check its skills once per bucket; sharing a queue (one aging rate) keeps the order fixed
 * while time passes. Runs on the router thread only.
 */
final class Bucket {
    /** Head-of-queue calls first, then higher static urgency, then earlier entry. */
    static final Comparator<CallState> URGENCY = (a, b) -> {
        if (a.head != b.head) {
            return a.head ? -1 : 1;
        }
        int byUrgency = Long.compare(b.staticUrgency(), a.staticUrgency());
        return byUrgency != 0 ? byUrgency : Long.compare(a.seq, b.seq);
    };

    final Queue queue;
    /** Skill ids required (-1 for a skill nobody has), with the minimum level at the same position. */
    final int[] skillIds;
    final int[] minLevels;
    final TreeSet<CallState> calls = new TreeSet<>(URGENCY);

    Bucket(Queue queue, int[] skillIds, int[] minLevels) {
        this.queue = queue;
        this.skillIds = skillIds;
        this.minLevels = minLevels;
    }

    /** Whether a rep has every skill of this bucket at the minimum level. */
    boolean qualifies(RepIndex index, int rep) {
        for (int i = 0; i < skillIds.length; i++) {
            if (index.level(rep, skillIds[i]) < minLevels[i]) {
                return false;
            }
        }
        return true;
    }
}

package dev.acd.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeSet;

import dev.acd.core.model.Queue;

/**
 * The waiting calls of one queue that need the same skills, most urgent first. Sharing skills lets a rep that
 * becomes available check its skills once per bucket; sharing a queue (one aging rate) keeps the order fixed
 * while time passes. Runs on the router thread only.
 *
 * <p>A bucket is listed in its scan list (the buckets a rep looks at, by first skill) only while it holds calls:
 * a busy center makes a bucket for nearly every rare mix of skills, and a rep that becomes available should not
 * walk past thousands of empty ones.
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
    private final TreeSet<CallState> calls = new TreeSet<>(URGENCY);
    /** The scan list this bucket joins while it holds calls; null when no rep can ever be scanned into it. */
    private ArrayList<Bucket> scanList;
    /** Position in {@link #scanList}, or -1 while empty. */
    private int scanSlot = -1;

    Bucket(Queue queue, int[] skillIds, int[] minLevels, ArrayList<Bucket> scanList) {
        this.queue = queue;
        this.skillIds = skillIds;
        this.minLevels = minLevels;
        this.scanList = scanList;
    }

    void add(CallState call) {
        calls.add(call);
        if (scanSlot < 0 && scanList != null) {
            scanSlot = scanList.size();
            scanList.add(this);
        }
    }

    void remove(CallState call) {
        calls.remove(call);
        if (calls.isEmpty() && scanSlot >= 0) {
            // Swap-remove: order in the scan list does not matter, the most urgent call is a maximum over all.
            Bucket last = scanList.remove(scanList.size() - 1);
            if (last != this) {
                scanList.set(scanSlot, last);
                last.scanSlot = scanSlot;
            }
            scanSlot = -1;
        }
    }

    /** Leaves the scan lists for good: a new configuration replaced this bucket. */
    void retire() {
        scanList = null;
        scanSlot = -1;
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** The waiting calls, most urgent first. */
    Iterable<CallState> calls() {
        return calls;
    }

    /** Whether a rep has every skill of this bucket at the minimum level. */
    boolean qualifies(RepIndex index, int rep) {
        for (int i = 0; i < skillIds.length; i++) {
            // A required skill must be held (level 1 at least) even when the minimum level says 0.
            if (index.level(rep, skillIds[i]) < Math.max(1, minLevels[i])) {
                return false;
            }
        }
        return true;
    }
}

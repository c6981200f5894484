package dev.acd.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.acd.core.model.Queue;
import dev.acd.core.model.SkillRequirement;

/**
 * The waiting calls' buckets, one per queue and set of required skills, and the search for the most urgent call a
 * rep may take. Calls join and leave their bucket through {@link Bucket}; this class finds and makes the buckets.
 * Runs on the router thread only.
 */
final class WaitingCalls {
    private static final Comparator<SkillRequirement> BY_SKILL_THEN_LEVEL =
            Comparator.comparing(SkillRequirement::skill).thenComparingInt(SkillRequirement::minLevel);

    private final Map<BucketKey, Bucket> buckets = new HashMap<>();
    /**
     * Buckets that hold calls, by the id of their first required skill: a rep only looks at buckets of skills it
     * has. Buckets join and leave these lists as they fill and empty.
     */
    private ArrayList<Bucket>[] bucketsByFirstSkill = newScanLists(0);
    private final ArrayList<Bucket> bucketsWithoutSkills = new ArrayList<>();
    /** The configuration's rep index: skill ids and levels. */
    private RepIndex index;

    /**
     * A queue and a sorted list of skill requirements. The record's own hash is a near-linear sum of short, similar
     * strings and small levels; with thousands of skill mixes it collided so often that the map's bins turned into
     * trees walked on every enqueue. This one mixes each part.
     */
    private static final class BucketKey {
        private final String queueId;
        private final List<SkillRequirement> skills;
        private final int hash;

        BucketKey(String queueId, List<SkillRequirement> skills) {
            this.queueId = queueId;
            this.skills = skills;
            int h = mix(queueId.hashCode());
            for (SkillRequirement skill : skills) {
                h = mix(h * 31 + mix(skill.skill().hashCode()) + skill.minLevel());
            }
            hash = h;
        }

        private static int mix(int h) {
            h *= 0x9E3779B1;
            return h ^ (h >>> 15);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BucketKey key && key.hash == hash && key.queueId.equals(queueId)
                    && key.skills.equals(skills);
        }
    }

    /**
     * Drops every bucket: a new configuration renumbers skills. The old buckets leave the scan lists for good; the
     * caller puts each waiting call back into {@link #bucketOf} its call.
     */
    void reset(RepIndex next) {
        index = next;
        buckets.values().forEach(Bucket::retire);
        buckets.clear();
        bucketsByFirstSkill = newScanLists(next.skillCount());
        bucketsWithoutSkills.clear();
    }

    /**
     * The bucket a call belongs in now: its queue and required skills, or its queue alone while it waits for a
     * named rep.
     */
    Bucket bucketOf(CallState call) {
        return bucketFor(call.queue, call.directRep >= 0 ? List.of() : call.skills);
    }

    /** The most urgent waiting call rep may take at {@code now}, or null. */
    CallState mostUrgentFor(RepState rep, long now) {
        CallState best = null;
        for (int skillId : index.skillsOf(rep.index)) {
            ArrayList<Bucket> candidates = bucketsByFirstSkill[skillId];
            if (candidates != null) {
                for (int b = 0; b < candidates.size(); b++) {
                    Bucket bucket = candidates.get(b);
                    CallState call = firstEligible(bucket, rep);
                    if (call != null && (best == null || moreUrgent(call, best, now))) {
                        best = call;
                    }
                }
            }
        }
        for (Bucket bucket : bucketsWithoutSkills) {
            CallState call = firstEligible(bucket, rep);
            if (call != null && (best == null || moreUrgent(call, best, now))) {
                best = call;
            }
        }
        return best;
    }

    private CallState firstEligible(Bucket bucket, RepState rep) {
        if (bucket.isEmpty() || !bucket.qualifies(index, rep.index)) {
            return null;
        }
        for (CallState call : bucket.calls()) {
            if (!call.declinedBy(rep.index)
                    && Eligibility.rule(call, rep.index, rep.rep) != null) {
                return call;
            }
        }
        return null;
    }

    /** A call back from a failed offer goes first in its own queue; across queues urgency decides. */
    private static boolean moreUrgent(CallState a, CallState b, long now) {
        if (a.head != b.head && a.queue == b.queue) {
            return a.head;
        }
        long ua = a.urgencyAt(now);
        long ub = b.urgencyAt(now);
        return ua != ub ? ua > ub : a.seq < b.seq;
    }

    private Bucket bucketFor(Queue queue, List<SkillRequirement> skills) {
        List<SkillRequirement> sorted = skills;
        if (skills.size() > 1) {
            sorted = new ArrayList<>(skills);
            sorted.sort(BY_SKILL_THEN_LEVEL);
        }
        BucketKey key = new BucketKey(queue.id(), sorted);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            int[] skillIds = new int[sorted.size()];
            int[] minLevels = new int[sorted.size()];
            for (int i = 0; i < skillIds.length; i++) {
                skillIds[i] = index.skillId(sorted.get(i).skill());
                minLevels[i] = sorted.get(i).minLevel();
            }
            ArrayList<Bucket> scanList = skillIds.length == 0 ? bucketsWithoutSkills
                    : skillIds[0] >= 0 ? bucketsByFirstSkill[skillIds[0]]
                    : null;
            bucket = new Bucket(queue, skillIds, minLevels, scanList);
            buckets.put(key, bucket);
        }
        return bucket;
    }

    @SuppressWarnings("unchecked")
    private static ArrayList<Bucket>[] newScanLists(int skills) {
        ArrayList<Bucket>[] lists = new ArrayList[skills];
        for (int s = 0; s < skills; s++) {
            lists[s] = new ArrayList<>();
        }
        return lists;
    }
}

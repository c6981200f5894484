package dev.acd.router;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import dev.acd.core.event.CallClassified;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.SkillRequirement;

/** The router's mutable view of one call. Runs on the router thread only. */
final class CallState extends Timed {
    final long callId;
    final Direction direction;
    CallPhase phase = CallPhase.ARRIVED;
    CallClassified classification;
    /**
     * What a rep needs to take the call in its current queue: the classification's, or after a transfer to a
     * queue, that queue's (see {@code Classifier.requirements}).
     */
    List<SkillRequirement> skills = List.of();
    Queue queue;
    Bucket bucket;
    /** Tiers count from 1, as in the events. */
    int tier;
    int priority;
    /** When the call first entered a queue; aging counts from here across overflows and requeues. */
    long firstQueuedAt;
    /** When it entered its current queue; tier thresholds count from here. */
    long queuedAt;
    /** Returned after a failed offer: goes before everything else in its queue. */
    boolean head;
    /** Order of entry, the last tie-break. */
    long seq;
    /** Rep index of the current offer or connected rep, or -1. */
    int rep = -1;
    /** The rep a connected call talks to, by id: survives the rep leaving and re-joining the configuration. */
    String connectedRepId;
    /** A call transferred to a named rep waits for that rep only; -1 otherwise. */
    int directRep = -1;
    /** Until when a call waits for its named rep before it goes back to its queue for everyone eligible. */
    long directUntil = Long.MAX_VALUE;
    /** Reps that failed an offer of this call; it is not offered to them again. */
    int[] declined = new int[0];

    // Resolved from the classification against the current configuration (see resolve), so that
    // deciding who may take the call compares ints and bits rather than looking strings up.
    /** The call's queue's tiers as eligibility reads them; set with {@link #queue}. */
    QueueTiers tiers;
    /** Rep index of the account owner, or -1. */
    int owner = -1;
    /** Reps of the owning partner, or null. */
    BitSet partnerReps;
    /** Reps in a home team of the call's segment; empty when none. */
    BitSet homeTeamReps;

    CallState(long callId, Direction direction) {
        this.callId = callId;
        this.direction = direction;
    }

    /** Resolves what eligibility needs of the call's classification against the configuration's rep index. */
    void resolve(RepIndex index) {
        CallClassified cls = classification;
        owner = index.indexOf(cls.accountOwner());
        partnerReps = index.ofPartner(cls.partner());
        homeTeamReps = index.inHomeTeamsOf(cls.segment());
    }

    boolean declinedBy(int repIndex) {
        for (int declinedRep : declined) {
            if (declinedRep == repIndex) {
                return true;
            }
        }
        return false;
    }

    void decline(int repIndex) {
        if (!declinedBy(repIndex)) {
            declined = Arrays.copyOf(declined, declined.length + 1);
            declined[declined.length - 1] = repIndex;
        }
    }

    /** The aging-neutral part of urgency: within one queue, ordering by it never changes as time passes. */
    long staticUrgency() {
        return priority * 60_000L - (long) queue.agingPointsPerMinute() * firstQueuedAt;
    }

    /** Urgency at {@code now} in priority points times milliseconds-per-minute, comparable across queues. */
    long urgencyAt(long now) {
        return priority * 60_000L + (long) queue.agingPointsPerMinute() * (now - firstQueuedAt);
    }
}

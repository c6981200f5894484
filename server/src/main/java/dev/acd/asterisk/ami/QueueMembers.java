package dev.acd.asterisk.ami;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;

/**
 * app_queue's members as our reps, for bring-your-own-queue mode. A rep is logged in while it is a member of at least
 * one queue and its device is not unavailable; it is ready while it is unpaused in at least one of them, else not
 * ready with the last pause reason. Only changes are published, so the many per-queue member events Asterisk sends
 * for one rep make one event of ours.
 *
 * <p>Wrap-up: app_queue gives a member no call for its wrapuptime after a call completes, and says nothing when that
 * time is over. So a completed call starts a wrap-up ending at completion plus the member's own {@code Wrapuptime}
 * (from its member events, when above 0) or the queue's configured {@code wrapUpSeconds}; it ends then (seen by the
 * first event or sweep past that time, journaled at the end time itself), or earlier when the member pauses or
 * unpauses, leaves, becomes unavailable or is rung for the next call. Not thread-safe: {@link QueueEvents} guards it.
 */
final class QueueMembers {
    private static final long MS_PER_SECOND = 1_000;

    private final EventPublisher publisher;
    private final Map<String, Member> members = new HashMap<>();

    private static final class Member {
        final String repId;
        /** Paused or not, per queue the rep is a member of. */
        final Map<String, Boolean> pausedIn = new HashMap<>();
        /** The member's own wrapuptime per queue, from its events; absent or 0 means the queue's. */
        final Map<String, Integer> wrapSecondsIn = new HashMap<>();
        String pauseReason;
        boolean unavailable;
        boolean loggedIn;
        boolean ready;
        String publishedReason;
        long wrapCallId = -1;
        long wrapEndsAt;

        Member(String repId) {
            this.repId = repId;
        }

        boolean inWrapUp() {
            return wrapCallId >= 0;
        }
    }

    QueueMembers(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * A member event (added, status, pause) tells the member's state in one queue.
     *
     * @param paused      whether it is paused there, or null when the event does not say
     * @param reason      the pause reason, or null
     * @param wrapSeconds the member's own wrapuptime, or null when the event does not say
     */
    void seen(String repId, String queue, Boolean paused, String reason, Integer wrapSeconds, long at) {
        seen(repId, queue, paused, reason, wrapSeconds, null, at);
    }

    /** As {@link #seen(String, String, Boolean, String, Integer, long)}, with the device's availability if known. */
    void seen(String repId, String queue, Boolean paused, String reason, Integer wrapSeconds, Boolean unavailable,
              long at) {
        Member member = member(repId);
        if (unavailable != null) {
            member.unavailable = unavailable;
        }
        Boolean before = member.pausedIn.get(queue);
        boolean now = paused != null ? paused : before != null && before;
        member.pausedIn.put(queue, now);
        if (now) {
            boolean given = reason != null && !reason.isBlank();
            // A new pause without a reason is not the previous pause's reason.
            member.pauseReason = given ? reason : Boolean.TRUE.equals(before) ? member.pauseReason : null;
        }
        if (wrapSeconds != null) {
            member.wrapSecondsIn.put(queue, wrapSeconds);
        }
        settle(member, at, before != null && before != now);
    }

    /** The member left a queue (QueueMemberRemoved). */
    void removed(String repId, String queue, long at) {
        Member member = members.get(repId);
        if (member == null) {
            return;
        }
        member.pausedIn.remove(queue);
        member.wrapSecondsIn.remove(queue);
        settle(member, at, false);
    }

    /** app_queue rings or connects the member for a call: any wrap-up of its is over. */
    void busyAgain(String repId, long at) {
        Member member = members.get(repId);
        if (member != null) {
            endWrapUp(member, at);
        }
    }

    /** The member's call completed: its wrap-up starts, for the member's or else {@code queueWrapSeconds}. */
    void completed(String repId, String queue, long callId, int queueWrapSeconds, long at) {
        Member member = member(repId);
        endWrapUp(member, at);
        Integer own = member.wrapSecondsIn.get(queue);
        int seconds = own != null && own > 0 ? own : Math.max(0, queueWrapSeconds);
        member.wrapCallId = callId;
        member.wrapEndsAt = at + seconds * MS_PER_SECOND;
        publisher.publish(new WrapUpStarted(at, repId, callId, member.wrapEndsAt));
        if (seconds == 0) {
            endWrapUp(member, at);
        }
    }

    /** Ends, at their own end time, the wrap-ups due by Asterisk time {@code at}. */
    void advance(long at) {
        for (Member member : members.values()) {
            if (member.inWrapUp() && member.wrapEndsAt <= at) {
                endWrapUp(member, member.wrapEndsAt);
            }
        }
    }

    private Member member(String repId) {
        return members.computeIfAbsent(repId, Member::new);
    }

    /** Publishes what changed for the rep; {@code pauseChanged} says a pause or unpause just happened. */
    private void settle(Member member, long at, boolean pauseChanged) {
        boolean loggedIn = !member.pausedIn.isEmpty() && !member.unavailable;
        if (!loggedIn) {
            if (member.loggedIn) {
                endWrapUp(member, at);
                member.loggedIn = false;
                publisher.publish(new RepLoggedOut(at, member.repId));
            }
            return;
        }
        boolean ready = member.pausedIn.containsValue(Boolean.FALSE);
        String reason = ready ? null : member.pauseReason == null ? "paused" : member.pauseReason;
        boolean fresh = !member.loggedIn;
        if (fresh) {
            member.loggedIn = true;
            publisher.publish(new RepLoggedIn(at, member.repId));
        }
        if (fresh || ready != member.ready || !Objects.equals(reason, member.publishedReason)) {
            // A rep who pauses or unpauses during wrap-up is done with it, as when a rep of ours says (not) ready.
            endWrapUp(member, at);
            member.ready = ready;
            member.publishedReason = reason;
            publisher.publish(ready ? new RepReady(at, member.repId) : new RepNotReady(at, member.repId, reason));
        } else if (pauseChanged) {
            endWrapUp(member, at);
        }
    }

    private void endWrapUp(Member member, long at) {
        if (!member.inWrapUp()) {
            return;
        }
        long callId = member.wrapCallId;
        member.wrapCallId = -1;
        publisher.publish(new WrapUpEnded(Math.min(at, member.wrapEndsAt), member.repId, callId));
    }
}

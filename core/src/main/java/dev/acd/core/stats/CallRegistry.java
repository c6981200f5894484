package dev.acd.core.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls the projection tracks: open ones until their last wrap-up ends, then retired ones kept
 * {@link StatsProjection#LATE_EVENT_RETENTION_MS} of event time for late dispositions and QA scores. Runs on the
 * projection's thread.
 */
final class CallRegistry {
    private final RepTimeTracker reps;
    private final Map<Long, CallTrack> open = new HashMap<>();
    /** In retirement order, so the oldest are forgotten first. */
    private final LinkedHashMap<Long, CallTrack> retired = new LinkedHashMap<>();

    CallRegistry(RepTimeTracker reps) {
        this.reps = reps;
    }

    int openCount() {
        return open.size();
    }

    /** The open call, or null. */
    CallTrack open(long callId) {
        return open.get(callId);
    }

    void add(CallTrack call) {
        open.put(call.callId, call);
    }

    /** The call, open or retired within the retention, or null. */
    CallTrack find(long callId) {
        CallTrack call = open.get(callId);
        return call == null ? retired.get(callId) : call;
    }

    /** Retires the call if it is over and every leg's wrap-up has ended. */
    void maybeRetire(CallTrack call, long at) {
        if (call.ended && call.wrapsDone()) {
            retire(call, at);
        }
    }

    private void retire(CallTrack call, long at) {
        open.remove(call.callId);
        for (Leg leg : call.legs) {
            if (leg.busy) {
                reps.busy(leg.repId, at, -1);
                leg.busy = false;
            }
        }
        if (call.placingBusy) {
            reps.busy(call.placingRep, at, -1);
            call.placingBusy = false;
        }
        call.activeLeg = null;
        call.visit = null;
        call.retiredAt = at;
        retired.put(call.callId, call);
    }

    /** Closes calls whose remaining events will not come, and forgets finished calls past the retention. */
    void sweep(long latestAt) {
        List<CallTrack> done = new ArrayList<>();
        for (CallTrack call : open.values()) {
            if (call.ended && call.endedAt < latestAt - StatsProjection.WRAP_GRACE_MS
                    || call.lastAt < latestAt - StatsProjection.STALE_CALL_MS) {
                done.add(call);
            }
        }
        // Sorted so that a replay retires calls in the same order, whatever the map's iteration order.
        done.sort((a, b) -> Long.compare(a.callId, b.callId));
        for (CallTrack call : done) {
            retire(call, latestAt);
        }
        Iterator<CallTrack> oldest = retired.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().retiredAt >= latestAt - StatsProjection.LATE_EVENT_RETENTION_MS) {
                break;
            }
            oldest.remove();
        }
    }
}

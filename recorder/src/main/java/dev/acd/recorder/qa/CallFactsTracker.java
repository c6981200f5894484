package dev.acd.recorder.qa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;

/**
 * Joins the journal's facts about each call (queue, segment, rep, ring, hold, talk, wrap, transfers, disposition)
 * for its QA score. A call is forgotten once handed over for scoring, or when nothing more will come for it (no
 * recording {@code forgetAfterMs} of event time after its last event). Runs on the service's tailer thread.
 */
final class CallFactsTracker {
    private final long forgetAfterMs;
    private final Map<Long, TrackedCall> calls = new HashMap<>();

    CallFactsTracker(long forgetAfterMs) {
        this.forgetAfterMs = forgetAfterMs;
    }

    /** Takes an event read at journal {@code index} into account; returns the call it was about, or null. */
    TrackedCall apply(Event event, long index) {
        if (!(event instanceof CallEvent callEvent) || event instanceof QaScored || event instanceof QaRated
                || event instanceof QaReviewRequested) {
            return null;
        }
        long at = event.at();
        TrackedCall call = calls.computeIfAbsent(callEvent.callId(), id -> new TrackedCall(id, index));
        call.lastAt = at;
        if (event instanceof CallClassified e) {
            call.segment = e.segment();
            call.queueId = e.queueId() != null ? e.queueId() : call.queueId;
        } else if (event instanceof CallQueued e) {
            call.queueId = e.queueId();
        } else if (event instanceof CallOffered e) {
            call.offeredAt = at;
            call.queueId = e.queueId() != null ? e.queueId() : call.queueId;
        } else if (event instanceof CallAnswered e) {
            call.repId = e.repId();
            call.answeredAt = at;
            call.ringMs = call.offeredAt < 0 ? -1 : at - call.offeredAt;
            call.talkEndAt = -1;
            call.wrapMs = -1;
        } else if (event instanceof CallHeld) {
            if (call.heldAt < 0) {
                call.heldAt = at;
                call.holds++;
            }
        } else if (event instanceof CallResumed) {
            endHold(call, at);
        } else if (event instanceof CallTransferred) {
            call.transfers++;
            endTalk(call, at);
        } else if (event instanceof CallEnded) {
            endTalk(call, at);
        } else if (event instanceof WrapUpStarted e) {
            if (e.repId().equals(call.repId)) {
                call.wrapStartAt = at;
            }
        } else if (event instanceof WrapUpEnded e) {
            if (e.repId().equals(call.repId) && call.wrapStartAt >= 0) {
                call.wrapMs = at - call.wrapStartAt;
            }
        } else if (event instanceof DispositionRecorded e) {
            call.disposition = true;
            call.revenueCents += e.revenueCents();
        } else if (event instanceof RecordingReady e) {
            call.recording = e;
            call.recordingIndex = index;
        }
        return call;
    }

    private static void endHold(TrackedCall call, long at) {
        if (call.heldAt >= 0) {
            call.holdMs += at - call.heldAt;
            call.heldAt = -1;
        }
    }

    private static void endTalk(TrackedCall call, long at) {
        if (call.answeredAt >= 0 && call.talkEndAt < 0) {
            endHold(call, at);
            call.talkEndAt = at;
        }
    }

    void forget(long callId) {
        calls.remove(callId);
    }

    /** Calls with no event for {@code forgetAfterMs} before {@code now} and no recording: dropped and returned. */
    List<TrackedCall> sweep(long now) {
        List<TrackedCall> dropped = new ArrayList<>();
        for (Iterator<TrackedCall> it = calls.values().iterator(); it.hasNext(); ) {
            TrackedCall call = it.next();
            if (call.recording == null && call.lastAt < now - forgetAfterMs) {
                it.remove();
                dropped.add(call);
            }
        }
        return dropped;
    }

    /** The oldest first index of a tracked call, or {@code orElse} when none is tracked. */
    long oldestFirstIndex(long orElse) {
        long oldest = Long.MAX_VALUE;
        for (TrackedCall call : calls.values()) {
            oldest = Math.min(oldest, call.firstIndex);
        }
        return oldest == Long.MAX_VALUE ? orElse : oldest;
    }

    int size() {
        return calls.size();
    }
}

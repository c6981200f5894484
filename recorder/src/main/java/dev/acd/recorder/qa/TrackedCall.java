package dev.acd.recorder.qa;

import dev.acd.core.event.RecordingReady;
import dev.acd.recorder.scorecard.CallFacts;

/** What the journal has said so far about one call, for its QA score. Owned by the service's tailer thread. */
final class TrackedCall {
    final long callId;
    /** Journal index of the first event seen for the call: a restart re-reads from the oldest such index. */
    final long firstIndex;
    String queueId;
    String segment;
    String repId;
    long offeredAt = -1;
    long answeredAt = -1;
    long ringMs = -1;
    long heldAt = -1;
    long holdMs;
    int holds;
    long talkEndAt = -1;
    long wrapStartAt = -1;
    long wrapMs = -1;
    int transfers;
    boolean disposition;
    long revenueCents;
    long lastAt;
    RecordingReady recording;
    long recordingIndex = -1;

    TrackedCall(long callId, long firstIndex) {
        this.callId = callId;
        this.firstIndex = firstIndex;
    }

    boolean wrapDone() {
        return wrapMs >= 0;
    }

    /** The facts so far; an open hold counts up to the end of talk. */
    CallFacts facts() {
        if (answeredAt < 0) {
            return CallFacts.NONE;
        }
        long talk = talkEndAt < 0 ? -1 : Math.max(0, talkEndAt - answeredAt - holdMs);
        return new CallFacts(ringMs, holdMs, holds, talk, wrapMs, 0, transfers, disposition, revenueCents);
    }
}

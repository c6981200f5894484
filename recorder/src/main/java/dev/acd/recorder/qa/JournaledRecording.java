package dev.acd.recorder.qa;

import java.util.ArrayList;
import java.util.List;

import dev.acd.core.event.Event;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.journal.JournalReader;
import dev.acd.recorder.scorecard.CallFacts;

/**
 * A recording a journal announced, with what the journal says about its call: the rep who took it, its queue and
 * segment (which pick its scorecard) and its facts. For scoring a period again after a scorecard change.
 */
public record JournaledRecording(RecordingReady recording, String repId, String queueId, String segment,
                                 CallFacts facts) {
    /**
     * Every recording announced in [{@code fromAt}, {@code toAt}) in what the reader has left, in journal order, with
     * its call's facts as of the end of the journal. Reads on the calling thread.
     */
    public static List<JournaledRecording> read(JournalReader reader, long fromAt, long toAt) {
        CallFactsTracker tracker = new CallFactsTracker(Long.MAX_VALUE / 4);
        List<TrackedCall> found = new ArrayList<>();
        for (Event event = reader.next(); event != null; event = reader.next()) {
            TrackedCall call = tracker.apply(event, reader.lastReadIndex());
            if (call != null && event instanceof RecordingReady ready && ready.at() >= fromAt && ready.at() < toAt) {
                found.add(call);
            }
        }
        List<JournaledRecording> recordings = new ArrayList<>(found.size());
        for (TrackedCall call : found) {
            // The facts are the call's as the whole journal tells them: wrap-up and disposition come after.
            recordings.add(new JournaledRecording(call.recording, call.repId, call.queueId, call.segment,
                    call.facts()));
        }
        return recordings;
    }
}

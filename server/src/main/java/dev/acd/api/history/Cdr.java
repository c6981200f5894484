package dev.acd.api.history;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.acd.core.model.Direction;

/**
 * A call detail record as it builds up from the journal: where the call came from, where it waited, who answered,
 * how it ended, its disposition and recording. Mutated on the live thread only; {@link #view()} copies it out.
 */
public final class Cdr {
    /** How a call ended, or that it has not yet. */
    public enum Result { IN_PROGRESS, ANSWERED, ABANDONED, CALLBACK, MAX_WAIT, UNANSWERED }

    final long callId;
    final long arrivedAt;
    Direction direction = Direction.INBOUND;
    String from;
    String to;
    String lineId;
    String queueId;
    String segment;
    String customerId;
    long queuedAt;
    long answeredAt;
    long endedAt;
    Result result = Result.IN_PROGRESS;
    /** Every rep who answered (or placed) the call, in order. */
    final Set<String> reps = new LinkedHashSet<>();
    String outcome;
    long revenueCents;
    String note;
    String dispositionBy;
    String recordingPath;
    long recordingMs;
    Integer qaScore;

    Cdr(long callId, long arrivedAt) {
        this.callId = callId;
        this.arrivedAt = arrivedAt;
    }

    public long callId() {
        return callId;
    }

    /** Whether this rep answered or placed the call. */
    public boolean handledBy(String repId) {
        return reps.contains(repId);
    }

    public boolean disposed() {
        return outcome != null;
    }

    /** When the call arrived, in ms since the epoch. */
    public long arrivedAt() {
        return arrivedAt;
    }

    /** The customer the call was classified as, or null for an unknown caller. */
    public String customerId() {
        return customerId;
    }

    public String recordingPath() {
        return recordingPath;
    }

    /** The JSON shape of a CDR. */
    public record View(long callId, String direction, String from, String to, String lineId, String queueId,
                       String segment, String customerId, String arrivedAt, String answeredAt, String endedAt,
                       Double waitSeconds, Double durationSeconds, String result, java.util.List<String> reps,
                       String outcome, Long revenueCents, String note, boolean recording, Integer qaScore) {
    }

    public View view() {
        Double wait = queuedAt == 0 ? null : ((answeredAt > 0 ? answeredAt : endedAt > 0 ? endedAt : queuedAt)
                - queuedAt) / 1000.0;
        Double duration = endedAt == 0 ? null : (endedAt - arrivedAt) / 1000.0;
        return new View(callId, direction.name(), from, to, lineId, queueId, segment, customerId, time(arrivedAt),
                time(answeredAt), time(endedAt), wait, duration, result.name(), java.util.List.copyOf(reps), outcome,
                outcome == null ? null : revenueCents, note, recordingPath != null, qaScore);
    }

    private static String time(long at) {
        return at == 0 ? null : Instant.ofEpochMilli(at).toString();
    }
}

package dev.acd.api.history;

import dev.acd.core.model.Direction;

/**
 * Which CDRs a query wants; null fields match everything. {@code fromAt} (inclusive) and {@code toAt} (exclusive)
 * bound the arrival time.
 */
public record CdrFilter(String rep, String queue, String segment, Direction direction, String outcome, long fromAt,
                        long toAt) {
    boolean matches(Cdr cdr) {
        return (rep == null || cdr.reps.contains(rep))
                && (queue == null || queue.equals(cdr.queueId))
                && (segment == null || segment.equals(cdr.segment))
                && (direction == null || direction == cdr.direction)
                && (outcome == null || outcome.equals(cdr.outcome))
                && cdr.arrivedAt >= fromAt && cdr.arrivedAt < toAt;
    }
}

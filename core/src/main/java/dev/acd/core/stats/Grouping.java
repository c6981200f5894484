package dev.acd.core.stats;

/** What the rows of a {@link Report} are: one row per rep, queue, segment, rep kind, direction, 15-minute interval, day or week. */
public enum Grouping {
    /** One row per rep id: the calls the rep answered, offers to the rep, the rep's logged-in time. */
    REP,
    /** One row per queue id: the visits calls made to that queue. */
    QUEUE,
    /** One row per customer segment. */
    SEGMENT,
    /** One row per rep kind (INSIDE, FIELD, PARTNER): the calls reps of that kind answered, and their time. */
    KIND,
    /** One row per call direction (INBOUND, OUTBOUND). */
    DIRECTION,
    /** One row per 15-minute interval, keyed by its start as an ISO offset date-time in the projection's zone. */
    INTERVAL,
    /** One row per day, keyed by its ISO local date in the projection's zone. */
    DAY,
    /** One row per ISO week (Monday to Sunday in the projection's zone), keyed like {@code 2026-W48}. */
    WEEK
}

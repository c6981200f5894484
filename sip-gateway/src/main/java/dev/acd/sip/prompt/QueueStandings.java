package dev.acd.sip.prompt;

/**
 * Where each waiting call stands in its queue; the server answers from the journal. Called on a call's event loop
 * when its announcement is due, so it must answer at once, without blocking or I/O.
 */
@FunctionalInterface
public interface QueueStandings {
    /** Knows nothing: every announcement is "thank you for holding" alone. */
    QueueStandings UNKNOWN = callId -> null;

    /** Where call {@code callId} stands now, or null when it is not known to be waiting in a queue. */
    QueueStanding standingOf(long callId);
}

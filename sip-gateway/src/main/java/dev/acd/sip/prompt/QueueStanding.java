package dev.acd.sip.prompt;

/**
 * Where a waiting call stands when it hears the announcement.
 *
 * @param position            1 for the call that has waited longest in its queue, 2 for the next, ...
 * @param expectedWaitSeconds the expected wait from now, or {@link #NO_ESTIMATE} when there is no honest estimate
 *                            (the wait sentence is then left out)
 */
public record QueueStanding(int position, long expectedWaitSeconds) {
    public static final long NO_ESTIMATE = -1;

    public QueueStanding {
        if (position < 1) {
            throw new IllegalArgumentException("position " + position + " must be 1 or more");
        }
        if (expectedWaitSeconds < 0 && expectedWaitSeconds != NO_ESTIMATE) {
            throw new IllegalArgumentException("expected wait " + expectedWaitSeconds + " s must be 0 or more, or "
                    + NO_ESTIMATE + " for none");
        }
    }

    public boolean hasEstimate() {
        return expectedWaitSeconds != NO_ESTIMATE;
    }
}

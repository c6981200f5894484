package dev.acd.router;

import dev.acd.core.event.OfferFailure;
import dev.acd.core.model.Rep;

/** The router's mutable view of one rep; its timer is the end of its wrap-up. Runs on the router thread only. */
final class RepState extends Timed {
    static final long NO_CALL = 0;

    /** Position in the router's rep array; changes only when a new configuration re-indexes the reps. */
    int index;
    Rep rep;
    RepStatus status = RepStatus.LOGGED_OUT;
    String notReadyReason;
    RepActivity activity = RepActivity.IDLE;
    long callId = NO_CALL;
    long idleSince;
    long wrapEndsAt;
    /** Failed offers in a row, by {@link OfferFailure} ordinal. */
    final int[] missesInRow = new int[OfferFailure.values().length];
    /** Cached for field reps at the last minute boundary; always true for other kinds. */
    boolean live = true;

    RepState(int index, Rep rep) {
        this.index = index;
        this.rep = rep;
    }

    /** Ready and doing nothing: may be offered a call (live windows and skills aside). */
    boolean available() {
        return status == RepStatus.READY && activity == RepActivity.IDLE;
    }
}

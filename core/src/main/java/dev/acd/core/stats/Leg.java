package dev.acd.core.stats;

/** One rep's part of a call: from answer through talk, hold and wrap-up, and where its figures count. */
final class Leg {
    final String repId;
    /** The call's groups (and its queue's, for an answered visit) and the rep's. */
    final Accumulator[] targets;
    final long answeredAt;
    long holdStart = -1;
    long holdMs;
    long wrapStart = -1;
    boolean wrapDone;
    /** The leg holds one of the rep's busy counts, released when its wrap-up ends or the call is retired. */
    boolean busy;
    /** After-call work with no conversation: wrap-up only, no talk. */
    boolean talkless;

    Leg(String repId, Accumulator[] targets, long answeredAt) {
        this.repId = repId;
        this.targets = targets;
        this.answeredAt = answeredAt;
    }

    void hold(long at) {
        if (holdStart < 0) {
            holdStart = at;
        }
    }

    void resume(long at) {
        if (holdStart >= 0) {
            holdMs += Math.max(0, at - holdStart);
            holdStart = -1;
        }
    }
}

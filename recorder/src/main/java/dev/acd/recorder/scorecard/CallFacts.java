package dev.acd.recorder.scorecard;

/**
 * What the journal says about a call, joined to its recording's analysis so scorecards can score it. Durations are
 * in milliseconds; a fact not known (no journal, or the event never came) is -1.
 *
 * @param ringMs               the answering rep's phone rang this long
 * @param holdMs               the customer was on hold this long in all
 * @param holds                times the customer was put on hold
 * @param talkMs               answer to hang-up or transfer, minus hold
 * @param wrapMs               the rep's after-call work; -1 while it has not ended
 * @param handleTargetMs       the handle time the call's scorecard aims at, 0 for none
 * @param transfers            times the rep transferred the call
 * @param dispositionRecorded  whether the rep recorded an outcome
 * @param revenueCents         revenue of the disposition, in cents
 */
public record CallFacts(long ringMs, long holdMs, int holds, long talkMs, long wrapMs, long handleTargetMs,
                        int transfers, boolean dispositionRecorded, long revenueCents) {
    /** No journal facts: only the recording is scored. */
    public static final CallFacts NONE = new CallFacts(-1, -1, -1, -1, -1, 0, -1, false, 0);

    /** Whether any fact came from the journal. */
    public boolean known() {
        return talkMs >= 0;
    }

    /** The same facts scored against another handle-time target. */
    public CallFacts withHandleTarget(long targetMs) {
        return new CallFacts(ringMs, holdMs, holds, talkMs, wrapMs, targetMs, transfers, dispositionRecorded,
                revenueCents);
    }
}

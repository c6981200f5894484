package dev.acd.recorder.scorecard;

import dev.acd.core.model.QaMeasure;
import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.ConversationMeasures;

/** The value of each {@link QaMeasure} for a call: from its recording's analysis or from its journal facts. */
public final class Measures {
    private Measures() {
    }

    /** The measure's value, or NaN when the call's facts do not tell it (scored without a journal). */
    public static double of(QaMeasure measure, CallAnalysis a, CallFacts f) {
        ConversationMeasures c = a.conversation();
        // A switch expression over the enum: a new measure without a value here does not compile.
        return switch (measure) {
            case REP_TALK_RATIO -> c.repTalkRatio();
            case CUSTOMER_TALK_S -> c.customerTalkMs() / 1000.0;
            case DEAD_AIR_COUNT -> c.deadAirCount();
            case DEAD_AIR_TOTAL_S -> c.deadAirTotalMs() / 1000.0;
            case OVERTALK_TOTAL_S -> c.overtalkTotalMs() / 1000.0;
            case REP_INTERRUPTIONS_PER_MINUTE -> a.durationMs() == 0 ? 0
                    : c.repInterruptions() / (a.durationMs() / 60_000.0);
            case LONGEST_REP_MONOLOGUE_S -> c.longestRepMonologueMs() / 1000.0;
            case LONGEST_CUSTOMER_TURN_S -> c.longestCustomerTurnMs() / 1000.0;
            case REP_FIRST_WORDS_S -> (c.repFirstWordsMs() == null ? a.durationMs() : c.repFirstWordsMs()) / 1000.0;
            case TURNS_PER_MINUTE -> c.turnsPerMinute();
            case CLIPPED_SAMPLE_RATIO -> Math.max(a.audio().customer().clippedSampleRatio(),
                    a.audio().rep().clippedSampleRatio());
            case ONE_WAY_AUDIO -> a.audio().oneWayAudio() ? 1 : 0;
            case RING_TIME_S -> seconds(f.ringMs());
            case HOLD_TIME_S -> seconds(f.holdMs());
            case HOLD_COUNT -> f.holds() < 0 ? Double.NaN : f.holds();
            case TALK_TIME_S -> seconds(f.talkMs());
            case WRAP_TIME_S -> seconds(f.wrapMs());
            case HANDLE_TIME_S -> seconds(handleMs(f));
            case HANDLE_TIME_TARGET_RATIO -> f.handleTargetMs() <= 0 || handleMs(f) < 0 ? Double.NaN
                    : (double) handleMs(f) / f.handleTargetMs();
            case TRANSFERS -> f.transfers() < 0 ? Double.NaN : f.transfers();
            case DISPOSITION_RECORDED -> f.known() ? (f.dispositionRecorded() ? 1 : 0) : Double.NaN;
            case REVENUE -> f.known() ? f.revenueCents() / 100.0 : Double.NaN;
        };
    }

    /** Whether the measure needs the rep's wrap-up to be over (wrap, handle time, disposition). */
    public static boolean needsWrapUp(QaMeasure measure) {
        return switch (measure) {
            case WRAP_TIME_S, HANDLE_TIME_S, HANDLE_TIME_TARGET_RATIO, DISPOSITION_RECORDED, REVENUE -> true;
            default -> false;
        };
    }

    private static long handleMs(CallFacts f) {
        return f.talkMs() < 0 || f.holdMs() < 0 || f.wrapMs() < 0 ? -1 : f.talkMs() + f.holdMs() + f.wrapMs();
    }

    private static double seconds(long ms) {
        return ms < 0 ? Double.NaN : ms / 1000.0;
    }
}

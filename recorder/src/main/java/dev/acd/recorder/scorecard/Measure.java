package dev.acd.recorder.scorecard;

import java.util.function.ToDoubleFunction;

import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.ConversationMeasures;

/** A value taken from a call's analysis that a scorecard criterion can score; the name says its unit. */
public enum Measure {
    REP_TALK_RATIO(a -> a.conversation().repTalkRatio()),
    CUSTOMER_TALK_S(a -> a.conversation().customerTalkMs() / 1000.0),
    DEAD_AIR_COUNT(a -> a.conversation().deadAirCount()),
    DEAD_AIR_TOTAL_S(a -> a.conversation().deadAirTotalMs() / 1000.0),
    OVERTALK_TOTAL_S(a -> a.conversation().overtalkTotalMs() / 1000.0),
    REP_INTERRUPTIONS_PER_MINUTE(a -> perMinute(a.conversation().repInterruptions(), a)),
    LONGEST_REP_MONOLOGUE_S(a -> a.conversation().longestRepMonologueMs() / 1000.0),
    LONGEST_CUSTOMER_TURN_S(a -> a.conversation().longestCustomerTurnMs() / 1000.0),
    /** Seconds to the rep's first words; the whole call's length when the rep never spoke. */
    REP_FIRST_WORDS_S(a -> {
        ConversationMeasures c = a.conversation();
        return (c.repFirstWordsMs() == null ? a.durationMs() : c.repFirstWordsMs()) / 1000.0;
    }),
    TURNS_PER_MINUTE(a -> a.conversation().turnsPerMinute()),
    /** The larger of the two channels' clipped sample shares. */
    CLIPPED_SAMPLE_RATIO(a -> Math.max(a.audio().customer().clippedSampleRatio(),
            a.audio().rep().clippedSampleRatio())),
    /** 1 for a call with one-way audio, else 0. */
    ONE_WAY_AUDIO(a -> a.audio().oneWayAudio() ? 1 : 0);

    private final ToDoubleFunction<CallAnalysis> extractor;

    Measure(ToDoubleFunction<CallAnalysis> extractor) {
        this.extractor = extractor;
    }

    /** This measure's value for an analysed call. */
    public double of(CallAnalysis analysis) {
        return extractor.applyAsDouble(analysis);
    }

    private static double perMinute(int count, CallAnalysis a) {
        return a.durationMs() == 0 ? 0 : count / (a.durationMs() / 60_000.0);
    }
}

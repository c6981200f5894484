package dev.acd.core.model;

import java.util.Locale;

/**
 * A value a QA scorecard criterion can score: measured in a call's recording, or a call fact joined from the
 * journal. The name says the unit ({@code _S} seconds). Configuration names them in kebab case
 * ({@code rep-talk-ratio}); the recorder computes them.
 */
public enum QaMeasure {
    REP_TALK_RATIO(false, "the rep's share of all talk, 0 to 1"),
    CUSTOMER_TALK_S(false, "seconds the customer talked"),
    DEAD_AIR_COUNT(false, "pauses with neither party speaking, of at least qa.deadAirSeconds"),
    DEAD_AIR_TOTAL_S(false, "seconds of those pauses"),
    OVERTALK_TOTAL_S(false, "seconds both parties spoke at once"),
    REP_INTERRUPTIONS_PER_MINUTE(false, "times per minute the rep started talking over the customer"),
    LONGEST_REP_MONOLOGUE_S(false, "the rep's longest stretch of talk without the customer speaking, in seconds"),
    LONGEST_CUSTOMER_TURN_S(false, "the customer's longest turn, in seconds"),
    REP_FIRST_WORDS_S(false, "seconds from answer to the rep's first words (the call's length if never)"),
    TURNS_PER_MINUTE(false, "changes of speaker per minute"),
    CLIPPED_SAMPLE_RATIO(false, "the larger channel's share of clipped samples, 0 to 1"),
    ONE_WAY_AUDIO(false, "1 when one channel is silent for the whole call, else 0"),
    RING_TIME_S(true, "seconds the rep's phone rang before the answer"),
    HOLD_TIME_S(true, "seconds the customer spent on hold"),
    HOLD_COUNT(true, "times the customer was put on hold"),
    TALK_TIME_S(true, "seconds from answer to hang-up or transfer, minus hold"),
    WRAP_TIME_S(true, "seconds of the rep's after-call work"),
    HANDLE_TIME_S(true, "talk + hold + wrap, in seconds"),
    HANDLE_TIME_TARGET_RATIO(true, "handle time / the scorecard's handleTimeTargetSeconds (1 is on target)"),
    TRANSFERS(true, "times the rep transferred the call"),
    DISPOSITION_RECORDED(true, "1 when the rep recorded a disposition at wrap-up, else 0"),
    REVENUE(true, "revenue recorded in the disposition, in whole currency units");

    private final boolean callFact;
    private final String description;

    QaMeasure(boolean callFact, String description) {
        this.callFact = callFact;
        this.description = description;
    }

    /** Whether it comes from the journal (call facts) rather than from the recording. */
    public boolean callFact() {
        return callFact;
    }

    /** One line saying what it measures and in what unit. */
    public String description() {
        return description;
    }

    /** Its configuration name: {@code rep-talk-ratio}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package dev.acd.recorder.scorecard;

import static java.lang.Double.POSITIVE_INFINITY;

import java.util.List;

import dev.acd.core.model.QaMeasure;

/**
 * The fallback scorecard, for calls no configured scorecard claims when none is the default: it rewards a rep who listens more than
 * talks, keeps the conversation moving, answers quickly and does not talk over the customer, on clean audio.
 */
public final class DefaultScorecard {
    /** Its name, as journaled with every score. */
    public static final String NAME = "default";

    private DefaultScorecard() {
    }

    public static Scorecard create() {
        return new Scorecard(NAME, List.of(
                new Criterion("listening", QaMeasure.REP_TALK_RATIO, 25, List.of(
                        new Band(0, 0.25, 40), new Band(0.25, 0.35, 70), new Band(0.35, 0.6, 100),
                        new Band(0.6, 0.7, 60), new Band(0.7, 0.8, 30), new Band(0.8, POSITIVE_INFINITY, 0))),
                new Criterion("dead air", QaMeasure.DEAD_AIR_TOTAL_S, 15, List.of(
                        new Band(0, 5, 100), new Band(5, 15, 70), new Band(15, 30, 40),
                        new Band(30, 60, 10))),
                new Criterion("talking over the customer", QaMeasure.REP_INTERRUPTIONS_PER_MINUTE, 15, List.of(
                        new Band(0, 0.5, 100), new Band(0.5, 1, 70), new Band(1, 2, 40),
                        new Band(2, POSITIVE_INFINITY, 0))),
                new Criterion("longest monologue", QaMeasure.LONGEST_REP_MONOLOGUE_S, 15, List.of(
                        new Band(0, 60, 100), new Band(60, 90, 70), new Band(90, 150, 30),
                        new Band(150, POSITIVE_INFINITY, 0))),
                new Criterion("prompt greeting", QaMeasure.REP_FIRST_WORDS_S, 10, List.of(
                        new Band(0, 3, 100), new Band(3, 6, 60), new Band(6, 10, 20))),
                new Criterion("engagement", QaMeasure.TURNS_PER_MINUTE, 10, List.of(
                        new Band(0, 1, 0), new Band(1, 3, 40), new Band(3, 5, 70),
                        new Band(5, POSITIVE_INFINITY, 100))),
                new Criterion("one-way audio", QaMeasure.ONE_WAY_AUDIO, 5, List.of(new Band(0, 1, 100))),
                new Criterion("clipping", QaMeasure.CLIPPED_SAMPLE_RATIO, 5, List.of(
                        new Band(0, 0.001, 100), new Band(0.001, 0.01, 50)))));
    }
}

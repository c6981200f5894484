package dev.acd.recorder.scorecard;

import dev.acd.core.model.QaMeasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.recorder.analysis.AudioHealth;
import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.ChannelHealth;
import dev.acd.recorder.analysis.ConversationMeasures;

/** Scorecard maths on fixed inputs, and broken scorecards refused with the reason. */
class ScorecardTest {
    private static final Criterion TALK = new Criterion("listening", QaMeasure.REP_TALK_RATIO, 3,
            List.of(new Band(0, 0.4, 50), new Band(0.4, 0.6, 100)));
    private static final Criterion DEAD_AIR = new Criterion("dead air", QaMeasure.DEAD_AIR_TOTAL_S, 1,
            List.of(new Band(0, 10, 100), new Band(10, 20, 20)));

    @Test
    void shouldWeighEachCriterionsPointsByItsShareOfTheWeight() {
        Scorecard card = new Scorecard("renewals", List.of(TALK, DEAD_AIR));
        QaScore score = card.score(0.5, 12);
        assertEquals((3 * 100 + 1 * 20) / 4.0, score.total(), 1e-9);
        assertEquals(80, score.rounded());
        assertEquals(new CriterionScore("dead air", QaMeasure.DEAD_AIR_TOTAL_S, 12, 20, 1), score.criteria().get(1));

        assertEquals((3 * 50 + 100) / 4.0, card.score(0.4 - 1e-9, 0).total(), 1e-9, "a band's top is exclusive");
        assertEquals(100, card.score(0.4, 9.99).total(), 1e-9, "a band's bottom is inclusive");
        assertEquals(3 * 100 / 4.0, card.score(0.55, 20).total(), 1e-9, "a value in no band earns nothing");
    }

    @Test
    void shouldScoreAnAnalysedCallOnTheDefaultScorecard() {
        ConversationMeasures talk = new ConversationMeasures(30_000, 40_000, 40.0 / 70, 1, 8_000, 8_000, 3_000,
                1, 1, 70_000, 12_000, 2_000L, 20, 4.0);
        ChannelHealth clean = new ChannelHealth(0, false, -22.0, -60, false);
        ChannelHealth clipped = new ChannelHealth(0.005, true, -8.0, -60, false);
        CallAnalysis analysis = new CallAnalysis(300_000, 8_000, "PCM_16", 5_000, talk,
                new AudioHealth(clean, clipped, false), List.of(), List.of());
        QaScore score = DefaultScorecard.create().score(analysis);
        // listening 100 x25, dead air 8 s 70 x15, 0.2 interruptions/min 100 x15, 70 s monologue 70 x15,
        // greeting 2 s 100 x10, 4 turns/min 70 x10, two-way audio 100 x5, 0.5% clipped 50 x5; weights sum to 100.
        double expected = (2500 + 1050 + 1500 + 1050 + 1000 + 700 + 500 + 250) / 100.0;
        assertEquals(expected, score.total(), 1e-9, score.toString());
        assertEquals("default", score.scorecard());
        assertEquals(8, score.criteria().size());
    }

    @Test
    void shouldRefuseBrokenScorecardsNamingTheCriterionAndBand() {
        assertRefused("criterion 'x': weight 0.0 must be a number above 0",
                () -> new Criterion("x", QaMeasure.DEAD_AIR_COUNT, 0, List.of(new Band(0, 1, 1))));
        assertRefused("criterion 'x': band 1 [2.0, 1.0) -> 10.0: 'from' must be below 'to'",
                () -> new Criterion("x", QaMeasure.DEAD_AIR_COUNT, 1, List.of(new Band(2, 1, 10))));
        assertRefused("criterion 'x': band 2 [0.0, 1.0) -> 120.0: points must be from 0 to 100",
                () -> new Criterion("x", QaMeasure.DEAD_AIR_COUNT, 1, List.of(new Band(-1, 0, 1), new Band(0, 1, 120))));
        assertRefused("criterion 'x': band 2 [1.0, 3.0) -> 5.0: overlaps or comes before band 1 [0.0, 2.0) -> 5.0",
                () -> new Criterion("x", QaMeasure.DEAD_AIR_COUNT, 1, List.of(new Band(0, 2, 5), new Band(1, 3, 5))));
        assertRefused("criterion 'x': no bands", () -> new Criterion("x", QaMeasure.DEAD_AIR_COUNT, 1, List.of()));
        assertRefused("scorecard 'sales': no criteria", () -> new Scorecard("sales", List.of()));
        assertRefused("scorecard 'sales': criterion 'listening' appears twice",
                () -> new Scorecard("sales", List.of(TALK, TALK)));
    }

    private static void assertRefused(String message, org.junit.jupiter.api.function.Executable broken) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, broken).getMessage());
    }
}

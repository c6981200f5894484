package dev.acd.recorder.scorecard;

import dev.acd.core.event.QaReviewReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.recorder.analysis.AudioHealth;
import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.ChannelHealth;
import dev.acd.recorder.analysis.ConversationMeasures;

class ReviewPolicyTest {
    private static final ChannelHealth HEARD = new ChannelHealth(0, false, -22.0, -60, false);
    private static final ChannelHealth SILENT = new ChannelHealth(0, false, null, -60, true);

    private static CallAnalysis call(long longestSilenceMs, boolean customerSilent) {
        ConversationMeasures talk = new ConversationMeasures(customerSilent ? 0 : 30_000, 40_000, 0.5, 1,
                longestSilenceMs, longestSilenceMs, 0, 0, 0, 20_000, 10_000, 1_000L, 10, 5);
        return new CallAnalysis(120_000, 8_000, "PCM_16", 5_000, talk,
                new AudioHealth(customerSilent ? SILENT : HEARD, HEARD, customerSilent), List.of(), List.of());
    }

    private static QaScore score(double total) {
        return new QaScore("default", total, List.of());
    }

    @Test
    void shouldSendLowScoresOneWayAudioAndLongDeadAirToReview() {
        ReviewPolicy policy = new ReviewPolicy(60, 15_000);
        assertEquals(List.of(), policy.reasons(call(14_999, false), score(60)), "a fair call at the limits");
        assertEquals(List.of(QaReviewReason.LOW_SCORE), policy.reasons(call(3_000, false), score(59.9)));
        assertEquals(List.of(QaReviewReason.ONE_WAY_AUDIO), policy.reasons(call(3_000, true), score(80)));
        assertEquals(List.of(QaReviewReason.LOW_SCORE, QaReviewReason.ONE_WAY_AUDIO, QaReviewReason.LONG_DEAD_AIR),
                policy.reasons(call(15_000, true), score(10)));
    }

    @Test
    void shouldRefuseAPolicyOutsideItsRange() {
        assertEquals("review minScore 101.0 must be from 0 to 100",
                assertThrows(IllegalArgumentException.class, () -> new ReviewPolicy(101, 1)).getMessage());
        assertEquals("review longDeadAirMs 0 must be more than 0",
                assertThrows(IllegalArgumentException.class, () -> new ReviewPolicy(50, 0)).getMessage());
    }
}

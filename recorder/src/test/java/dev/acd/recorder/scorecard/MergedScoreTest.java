package dev.acd.recorder.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class MergedScoreTest {
    private static final QaScore AUTOMATIC = new QaScore("default", 70, List.of());

    @Test
    void shouldMergeTheMeanManualRatingIntoTheAutomaticScoreByItsShare() {
        List<ManualRating> ratings = List.of(
                new ManualRating("product-knowledge", 5, "knew the renewal terms"),
                new ManualRating("technical-knowledge", 3, null),
                new ManualRating("communication-skills", 4, ""),
                new ManualRating("problem-solving", 2, "no next step agreed"));
        MergedScore merged = MergedScore.of(AUTOMATIC, ratings, MergedScore.DEFAULT_MANUAL_SHARE);
        // 100, 50, 75, 25 -> 62.5; half of 70 and half of 62.5.
        assertEquals(62.5, merged.manual(), 1e-9);
        assertEquals(66.25, merged.total(), 1e-9);
        assertEquals(66, merged.rounded());
        assertEquals("", merged.ratings().get(1).comment());

        assertEquals(0.25 * 70 + 0.75 * 100, MergedScore.of(AUTOMATIC,
                List.of(new ManualRating("problem-solving", 5, "")), 0.75).total(), 1e-9);
    }

    @Test
    void shouldKeepTheAutomaticScoreUntilASupervisorRatesTheCall() {
        MergedScore merged = MergedScore.of(AUTOMATIC, List.of(), 0.5);
        assertNull(merged.manual());
        assertEquals(70, merged.total(), 1e-9);
    }

    @Test
    void shouldRefuseRatingsOutOfRangeOrTwiceForOneCriterion() {
        assertEquals("problem-solving: rating 6 is not from 1 to 5", assertThrows(IllegalArgumentException.class,
                () -> new ManualRating("problem-solving", 6, "")).getMessage());
        ManualRating once = new ManualRating("product-knowledge", 3, "");
        assertEquals("product-knowledge is rated twice", assertThrows(IllegalArgumentException.class,
                () -> MergedScore.of(AUTOMATIC, List.of(once, once), 0.5)).getMessage());
        assertEquals("manual share 1.5 is not from 0 to 1", assertThrows(IllegalArgumentException.class,
                () -> MergedScore.of(AUTOMATIC, List.of(once), 1.5)).getMessage());
    }
}

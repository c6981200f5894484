package dev.acd.recorder.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ScoringPaceTest {
    private final AtomicInteger liveCalls = new AtomicInteger();

    @Test
    void shouldScoreFlatOutUntilTheRelayIsBusyThenKeepToItsShareOfACore() {
        ScoringPace pace = ScoringPace.yieldingToCalls(liveCalls::get, 100, 0.25);

        liveCalls.set(99);
        assertEquals(0, pace.restAfterMs(400));
        liveCalls.set(100);
        assertEquals(1_200, pace.restAfterMs(400), "400 ms of work in every 1,600 ms: a quarter of a core");
        liveCalls.set(20);
        assertEquals(0, pace.restAfterMs(400), "back to full speed as the calls thin out");
    }

    @Test
    void shouldNeverRestWhenTurnedOffOrAllowedAWholeCore() {
        liveCalls.set(10_000);
        assertSame(ScoringPace.FLAT_OUT, ScoringPace.yieldingToCalls(liveCalls::get, 0, 0.25));
        assertEquals(0, ScoringPace.yieldingToCalls(liveCalls::get, 100, 1.0).restAfterMs(400));
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOneAndNegativeCalls() {
        assertThrows(IllegalArgumentException.class, () -> ScoringPace.yieldingToCalls(liveCalls::get, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> ScoringPace.yieldingToCalls(liveCalls::get, 100, 1.5));
        assertThrows(IllegalArgumentException.class, () -> ScoringPace.yieldingToCalls(liveCalls::get, -1, 0.5));
    }
}

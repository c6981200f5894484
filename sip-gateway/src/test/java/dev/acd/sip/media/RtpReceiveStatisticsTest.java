package dev.acd.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpReceiveStatisticsTest {
    private static final long FRAME_NANOS = 20_000_000;

    @Test
    void shouldHaveNoJitterWhenPacketsArriveExactlyPaced() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        for (int i = 0; i < 50; i++) {
            stats.update(7, i, i * 160L, i * FRAME_NANOS);
        }
        assertEquals(0.0, stats.jitterMs(), 1e-9);
        assertEquals(0, stats.lost());
    }

    @Test
    void shouldMeasureJitterWhenArrivalsWobbleBy5Ms() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        for (int i = 0; i < 500; i++) {
            long wobble = i % 2 == 0 ? 0 : 5_000_000;
            stats.update(7, i, i * 160L, i * FRAME_NANOS + wobble);
        }
        // every transit difference is 5 ms, so the running estimate converges on 5 ms
        assertEquals(5.0, stats.jitterMs(), 0.05);
    }

    @Test
    void shouldCountLossAcrossTheSequenceWrap() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        int[] seqs = {65533, 65534, 0, 1, 3};
        for (int i = 0; i < seqs.length; i++) {
            assertTrue(stats.update(7, seqs[i], i * 160L, i * FRAME_NANOS));
        }
        assertEquals(2, stats.lost(), "65535 and 2 are missing");
    }

    @Test
    void shouldStartAfreshWhenTheSourceChanges() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        stats.update(7, 100, 0, 0);
        stats.update(7, 105, 800, FRAME_NANOS);
        stats.update(8, 9000, 0, 2 * FRAME_NANOS);
        assertEquals(0, stats.lost());
    }
}

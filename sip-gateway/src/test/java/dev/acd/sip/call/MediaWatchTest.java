package dev.acd.sip.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.acd.sip.transaction.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The whole-call RTP timeout, on a manual scheduler and clock: time moves only when the test says so. */
class MediaWatchTest {
    private static final long TIMEOUT_MS = 10_000;

    private final ManualScheduler scheduler = new ManualScheduler(1_000_000);
    private final AtomicLong packets = new AtomicLong();
    private final List<Long> dead = new ArrayList<>();

    private MediaWatch watch() {
        return MediaWatch.start(scheduler, scheduler::now, packets::get, TIMEOUT_MS, dead::add);
    }

    /** {@code ms} of media at 50 packets a second from the call's legs together. */
    private void flow(long ms) {
        for (long t = 0; t < ms; t += 20) {
            packets.incrementAndGet();
            scheduler.advance(20);
        }
    }

    @Test
    void shouldReportOnceWhenNoPacketArrivesForTheTimeoutAfterMediaFlowed() {
        watch();
        flow(5_000);
        scheduler.advance(TIMEOUT_MS - 1_000);
        assertEquals(List.of(), dead, "not before the timeout");

        scheduler.advance(2_000);
        assertEquals(1, dead.size());
        assertEquals(TIMEOUT_MS, dead.get(0), 1_000, "reported within one check of the timeout");
        scheduler.advance(60_000);
        assertEquals(1, dead.size(), "once");
        assertEquals(0, scheduler.pending(), "and no more checks");
    }

    @Test
    void shouldNeverReportACallThatNeverCarriedRtp() {
        watch();
        scheduler.advance(20 * TIMEOUT_MS);
        assertEquals(List.of(), dead);
    }

    @Test
    void shouldCountRtpTheCallerSentWhileWaitingAsMediaSeen() {
        packets.set(400); // the caller's packets before the bridge
        watch();
        scheduler.advance(TIMEOUT_MS + 1_000);
        assertEquals(1, dead.size());
    }

    @Test
    void shouldNotReportWhileOnHoldAndMeasureAgainFromTheResume() {
        MediaWatch watch = watch();
        flow(1_000);
        watch.paused(true);
        scheduler.advance(5 * TIMEOUT_MS);
        assertEquals(List.of(), dead, "a held call may rightly be silent");

        watch.paused(false);
        scheduler.advance(TIMEOUT_MS - 1_000);
        assertEquals(List.of(), dead, "the silence counts from the resume");
        scheduler.advance(2_000);
        assertEquals(1, dead.size());
    }

    @Test
    void shouldKeepQuietWhileAnyPacketArrivesAndAfterStop() {
        MediaWatch watch = watch();
        flow(3 * TIMEOUT_MS);
        assertEquals(List.of(), dead);
        watch.stop();
        scheduler.advance(5 * TIMEOUT_MS);
        assertEquals(List.of(), dead);
    }

    @Test
    void shouldBeOffWhenTheTimeoutIsZero() {
        assertNull(MediaWatch.start(scheduler, scheduler::now, packets::get, 0, dead::add));
        assertEquals(0, scheduler.pending());
    }
}

package dev.acd.sip.call;

import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.transaction.TransactionScheduler;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Hangs up a bridged call whose media died on both sides: once RTP has been received on any of its legs, a stretch
 * of {@code timeoutMs} with no packet from any leg is reported once. Apart from the one-way-audio check
 * ({@code MediaFailed}, journaled only): that one watches each leg, this one the whole call, and it acts.
 *
 * <p>Signalling-only peers (SIPp without RTP) never arm it, so they are not hung up on; a peer that sends RTP and
 * then stops both ways has gone. The call pauses it while on hold, when a phone may rightly send nothing.
 * Confined to the call's event loop; time comes from the given clock, ticks from the leg's scheduler.
 */
final class MediaWatch {
    /** Told once when the call has had no RTP from either side for the timeout. */
    @FunctionalInterface
    interface Dead {
        void noMedia(long silentMs);
    }

    private final TransactionScheduler scheduler;
    private final LongSupplier clock;
    private final LongSupplier received;
    private final long timeoutMs;
    private final long tickMs;
    private final Dead dead;
    private TransactionScheduler.Cancellable timer;
    private long lastCount = -1;
    private long lastChangeMs;
    private boolean armed;
    private boolean paused;
    private boolean stopped;

    private MediaWatch(TransactionScheduler scheduler, LongSupplier clock, LongSupplier received, long timeoutMs,
            Dead dead) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.received = received;
        this.timeoutMs = timeoutMs;
        this.tickMs = Math.max(10, Math.min(1000, timeoutMs / 4));
        this.dead = dead;
    }

    /** Starts watching {@code legs}' received packets; null (nothing to stop) when {@code timeoutMs} is 0. */
    static MediaWatch start(TransactionScheduler scheduler, LongSupplier clock, List<RtpEndpoint> legs,
            long timeoutMs, Dead dead) {
        List<RtpEndpoint> watched = List.copyOf(legs);
        return start(scheduler, clock, () -> {
            long sum = 0;
            for (RtpEndpoint leg : watched) {
                sum += leg.packetsIn();
            }
            return sum;
        }, timeoutMs, dead);
    }

    /** Starts watching a count of packets received on the call's legs; null when {@code timeoutMs} is 0. */
    static MediaWatch start(TransactionScheduler scheduler, LongSupplier clock, LongSupplier received,
            long timeoutMs, Dead dead) {
        if (timeoutMs <= 0) {
            return null;
        }
        MediaWatch watch = new MediaWatch(scheduler, clock, received, timeoutMs, dead);
        watch.lastCount = received.getAsLong();
        watch.armed = watch.lastCount > 0; // the caller's RTP while waiting counts: media was seen on the call
        watch.lastChangeMs = clock.getAsLong();
        watch.schedule();
        return watch;
    }

    /** On hold nothing is expected; on resume the silence is measured from then. */
    void paused(boolean on) {
        paused = on;
        lastChangeMs = clock.getAsLong();
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    static void stop(MediaWatch watch) {
        if (watch != null) {
            watch.stop();
        }
    }

    static void paused(MediaWatch watch, boolean on) {
        if (watch != null) {
            watch.paused(on);
        }
    }

    private void schedule() {
        if (!stopped) {
            timer = scheduler.schedule(tickMs, this::tick);
        }
    }

    private void tick() {
        timer = null;
        if (stopped) {
            return;
        }
        long now = clock.getAsLong();
        long count = received.getAsLong();
        if (count != lastCount) {
            armed = armed || count > 0;
            lastCount = count;
            lastChangeMs = now;
        } else if (armed && !paused && now - lastChangeMs >= timeoutMs) {
            stopped = true;
            dead.noMedia(now - lastChangeMs);
            return;
        }
        schedule();
    }
}

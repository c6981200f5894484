package dev.acd.sip.media;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays a {@link PcmSource} into an endpoint, one 20 ms frame per packet, scheduled on the endpoint's event loop.
 * Each frame is due at start + n x 20 ms, so late wake-ups do not add up to drift. Used for music on hold
 * ({@link PcmSource#looping}) until stopped, and for prompts ({@link PcmSource#once}) that call back when done.
 * The last partial frame is padded with silence. Start with {@link #play}; stop from any thread.
 */
public final class Player {
    private static final long FRAME_NANOS = MediaSettings.PTIME_MS * 1_000_000L;

    private final RtpEndpoint endpoint;
    private final PcmSource source;
    private final Runnable onFinished;
    private final short[] frame = new short[MediaSettings.FRAME_SAMPLES];
    private long startNanos;
    private volatile long framesSent;
    private volatile boolean stopped;
    private ScheduledFuture<?> next;

    private Player(RtpEndpoint endpoint, PcmSource source, Runnable onFinished) {
        this.endpoint = endpoint;
        this.source = source;
        this.onFinished = onFinished;
    }

    /**
     * Starts playing now.
     *
     * @param onFinished run on the endpoint's loop when the source has ended (not when stopped); may be null
     */
    public static Player play(RtpEndpoint endpoint, PcmSource source, Runnable onFinished) {
        Player player = new Player(endpoint, source, onFinished);
        endpoint.eventLoop().execute(player::start);
        return player;
    }

    private void start() {
        startNanos = System.nanoTime();
        tick();
    }

    private void tick() {
        if (stopped) {
            return;
        }
        int n = source.read(frame);
        if (n == 0) {
            finish();
            return;
        }
        java.util.Arrays.fill(frame, n, frame.length, (short) 0);
        endpoint.sendPcm(framesSent == 0, frame, frame.length);
        framesSent++;
        if (n < frame.length) {
            finish();
            return;
        }
        long due = startNanos + framesSent * FRAME_NANOS;
        next = endpoint.eventLoop().schedule(this::tick, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void finish() {
        stopped = true;
        if (onFinished != null) {
            onFinished.run();
        }
    }

    /** Stops playing (no callback); idempotent, from any thread. */
    public void stop() {
        stopped = true;
        endpoint.eventLoop().execute(() -> {
            if (next != null) {
                next.cancel(false);
            }
        });
    }

    /** Frames sent so far. */
    public long framesSent() {
        return framesSent;
    }

    /** True once the source ended or {@link #stop} was called. */
    public boolean stopped() {
        return stopped;
    }
}

package dev.acd.sip.call;

import dev.acd.sip.media.MediaTap;
import java.util.concurrent.CompletableFuture;

/**
 * One call's recording across its bridges: each bridge counts time from its own start, so its tap is shifted onto
 * the call's timeline; time between bridges (queued again after a transfer) is marked as hold, which the recorder
 * leaves out. On the call's loop.
 */
final class RecordingSession {
    private final CallRecordings.Recording recording;
    private final long startNanos = System.nanoTime();
    private boolean onHold;

    RecordingSession(CallRecordings.Recording recording) {
        this.recording = recording;
    }

    /** The tap for a bridge starting now. */
    MediaTap tapForBridge() {
        long offsetMs = elapsedMs();
        hold(false, offsetMs);
        MediaTap tap = recording.tap();
        return new MediaTap() {
            @Override
            public void callerFrame(long timeMs, short[] samples) {
                tap.callerFrame(offsetMs + timeMs, samples);
            }

            @Override
            public void repFrame(long timeMs, short[] samples) {
                tap.repFrame(offsetMs + timeMs, samples);
            }

            @Override
            public void hold(boolean held, long timeMs) {
                RecordingSession.this.hold(held, offsetMs + timeMs);
            }
        };
    }

    /** No bridge for now (the call waits again): marked as hold. */
    void pause() {
        hold(true, elapsedMs());
    }

    CompletableFuture<CallRecordings.RecordedFile> close() {
        return recording.close();
    }

    private void hold(boolean held, long timeMs) {
        if (held != onHold) {
            onHold = held;
            recording.tap().hold(held, timeMs);
        }
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

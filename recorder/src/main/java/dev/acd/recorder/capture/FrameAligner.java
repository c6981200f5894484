package dev.acd.recorder.capture;

import dev.acd.recorder.wav.WavWriter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines the two directions up by frame time and writes stereo frames: frame n of the file is the 20 ms starting at
 * n x 20 ms of call time (held time taken out). A side that sent nothing for a frame gets silence there. A side's
 * frames wait until the other side has caught up, or until it is {@link #MAX_LAG_FRAMES} behind, so jitter on
 * one leg does not shift it against the other. Runs on one writer thread at a time.
 */
final class FrameAligner {
    static final int FRAME_SAMPLES = 160;
    static final int FRAME_MS = 20;
    /** How long one side waits for the other before its frames are written against silence: 200 ms. */
    static final int MAX_LAG_FRAMES = 10;
    private static final int CALLER = 0;
    private static final int REP = 1;

    private final WavWriter writer;
    private final List<ArrayDeque<Slot>> pending = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private final long[] lastIndex = {-1, -1};
    private final short[][] out = new short[2][FRAME_SAMPLES];
    private final List<Long> holdMarksMs = new ArrayList<>();
    private long written;
    private long pausedMs;
    private long holdStartMs = -1;

    FrameAligner(WavWriter writer) {
        this.writer = writer;
    }

    void frame(boolean caller, long timeMs, short[] samples) throws IOException {
        if (holdStartMs >= 0) {
            return; // held time is left out of the recording; the hold marks say where it was
        }
        int side = caller ? CALLER : REP;
        long byTime = Math.round((timeMs - pausedMs) / (double) FRAME_MS);
        // a burst of packets takes the following slots; a side never goes back before the written part
        long index = Math.max(Math.max(byTime, lastIndex[side] + 1), written);
        lastIndex[side] = index;
        pending.get(side).add(new Slot(index, samples));
        flush(false);
    }

    void hold(boolean onHold, long timeMs) throws IOException {
        if (onHold && holdStartMs < 0) {
            flush(true);
            holdStartMs = timeMs;
            holdMarksMs.add(written * FRAME_MS);
        } else if (!onHold && holdStartMs >= 0) {
            pausedMs += timeMs - holdStartMs;
            holdStartMs = -1;
            lastIndex[CALLER] = written - 1;
            lastIndex[REP] = written - 1;
        }
    }

    /** Writes what is pending; {@code all} at the end, or before a hold, without waiting for a lagging side. */
    void flush(boolean all) throws IOException {
        while (!pending.get(CALLER).isEmpty() || !pending.get(REP).isEmpty()) {
            if (!all && !ready(CALLER) || !all && !ready(REP)) {
                return;
            }
            for (int side = CALLER; side <= REP; side++) {
                Slot head = pending.get(side).peek();
                if (head != null && head.index == written) {
                    pending.get(side).poll();
                    System.arraycopy(head.samples, 0, out[side], 0, FRAME_SAMPLES);
                } else {
                    java.util.Arrays.fill(out[side], (short) 0);
                }
            }
            writer.write(out, 0, FRAME_SAMPLES);
            written++;
        }
    }

    /** A side is ready for the next frame when it has something queued or the other side is far enough ahead. */
    private boolean ready(int side) {
        if (!pending.get(side).isEmpty()) {
            return true;
        }
        return lastIndex[1 - side] - written >= MAX_LAG_FRAMES;
    }

    long durationMs() {
        return written * FRAME_MS;
    }

    List<Long> holdMarksMs() {
        return holdMarksMs;
    }

    private record Slot(long index, short[] samples) {
    }
}

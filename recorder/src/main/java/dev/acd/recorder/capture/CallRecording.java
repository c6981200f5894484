package dev.acd.recorder.capture;

import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records one call as a stereo WAV file, 8 kHz 16-bit PCM, the customer on the left channel and the rep on the
 * right. Fed with 20 ms frames of each direction (the shape of sip-gateway's {@code MediaTap}; the server adapts one
 * to the other) and hold marks; held time is left out and its place noted.
 *
 * <p>The feeding methods never block: they copy the frame into a bounded queue and return, and a full queue drops
 * the frame and counts it. The file is opened, written and finalised by tasks on the given executor (the
 * recorder's worker pool), never more than one at a time for one recording. The writer is woken once per batch of
 * frames, not per frame: at 1,000 calls a task per frame was 100,000 hand-offs a second, and the writers spent
 * more time being woken than writing. {@link #close} completes with the path
 * and length for the {@code RecordingReady} event.
 */
public final class CallRecording {
    /** Samples in one frame: 20 ms at 8 kHz. */
    public static final int FRAME_SAMPLES = FrameAligner.FRAME_SAMPLES;
    /** The queue size when none is given: 2 s of both directions. */
    public static final int DEFAULT_QUEUE_FRAMES = 200;
    private static final int SAMPLE_RATE_HZ = 8000;
    /** Frames gathered before the writer is woken: 16 is 160 ms of a two-way call. */
    private static final int BATCH_FRAMES = 16;

    private final Path file;
    private final Executor worker;
    private final ArrayBlockingQueue<Item> queue;
    private final int batch;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final CompletableFuture<RecordedCall> result = new CompletableFuture<>();
    private volatile boolean closing;
    // touched only by the running drain task
    private WavWriter writer;
    private FrameAligner aligner;
    private boolean failed;

    private CallRecording(Path file, Executor worker, int queueFrames) {
        this.file = file;
        this.worker = worker;
        this.queue = new ArrayBlockingQueue<>(queueFrames);
        // a small queue is handed over before it is full, so a batch never waits on frames that would be dropped
        this.batch = Math.min(BATCH_FRAMES, Math.max(1, queueFrames / 2));
    }

    /**
     * Starts a recording into {@code file} (created or replaced, with its folder, when the first task runs).
     *
     * @param queueFrames how many frames may wait for the writer before new ones are dropped
     */
    public static CallRecording start(Path file, Executor worker, int queueFrames) {
        if (queueFrames < 1) {
            throw new IllegalArgumentException("queueFrames " + queueFrames + " must be at least 1");
        }
        return new CallRecording(file, worker, queueFrames);
    }

    /** A frame from the customer; {@code timeMs} on the call's clock. Copies {@code samples}. */
    public void callerFrame(long timeMs, short[] samples) {
        offer(Item.frame(true, timeMs, samples));
    }

    /** A frame from the rep; {@code timeMs} on the call's clock. Copies {@code samples}. */
    public void repFrame(long timeMs, short[] samples) {
        offer(Item.frame(false, timeMs, samples));
    }

    /** The call went on hold or came back. */
    public void hold(boolean onHold, long timeMs) {
        offer(new Item(Kind.HOLD, onHold, timeMs, null));
    }

    /** Frames dropped so far because the queue was full. */
    public long framesDropped() {
        return dropped.get();
    }

    /**
     * Ends the recording: what is queued is written, the header is finalised. Completes with the result, or
     * exceptionally with the {@link IOException} that stopped the writing. Frames offered afterwards are ignored.
     */
    public CompletableFuture<RecordedCall> close() {
        closing = true;
        schedule();
        return result;
    }

    private void offer(Item item) {
        if (closing) {
            return;
        }
        if (item.kind == Kind.FRAME && item.samples.length != FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame has " + FRAME_SAMPLES + " samples, got "
                    + item.samples.length);
        }
        if (!queue.offer(item)) {
            dropped.incrementAndGet();
            return;
        }
        if (queue.size() >= batch) {
            schedule();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Item item;
            while ((item = queue.poll()) != null) {
                handle(item);
            }
            if (closing && !result.isDone()) {
                finish();
            }
        } finally {
            scheduled.set(false);
            // a batch completed between the last poll and the flag's reset must not wait for the next offer
            if (queue.size() >= batch || closing && !result.isDone()) {
                schedule();
            }
        }
    }

    private void handle(Item item) {
        if (failed) {
            return;
        }
        try {
            openOnce();
            if (item.kind == Kind.FRAME) {
                aligner.frame(item.flag, item.timeMs, item.samples);
            } else {
                aligner.hold(item.flag, item.timeMs);
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** Creates the file, and its folder, on the writer thread: never on the call's event loop. */
    private void openOnce() throws IOException {
        if (aligner == null) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            writer = WavWriter.create(file, WavEncoding.PCM_16, 2, SAMPLE_RATE_HZ);
            aligner = new FrameAligner(writer);
        }
    }

    private void finish() {
        if (failed) {
            return;
        }
        try {
            openOnce();
            aligner.flush(true);
            writer.close();
            result.complete(new RecordedCall(file, aligner.durationMs(), dropped.get(), aligner.holdMarksMs()));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        failed = true;
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the first failure is the one worth reporting
            }
        }
        result.completeExceptionally(new IOException("recording " + file + ": " + e.getMessage(), e));
    }

    private enum Kind { FRAME, HOLD }

    private record Item(Kind kind, boolean flag, long timeMs, short[] samples) {
        static Item frame(boolean caller, long timeMs, short[] samples) {
            return new Item(Kind.FRAME, caller, timeMs, samples.clone());
        }
    }
}

package dev.acd.calls;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.acd.core.time.Clock;
import dev.acd.recorder.capture.CallRecording;
import dev.acd.sip.call.CallRecordings;
import dev.acd.sip.media.MediaTap;

/**
 * Recordings of bridged calls as stereo WAV files (customer left, rep right) under one directory, a folder per day
 * in the center's zone: {@code <dir>/2026-11-23/call-<id>.wav}. Files are written by a small pool of recorder
 * threads, never on a call's event loop.
 */
public final class RecordingsOnDisk implements CallRecordings, AutoCloseable {
    private final Path directory;
    private final ZoneId zone;
    private final Clock clock;
    private final ExecutorService writers;

    public RecordingsOnDisk(Path directory, ZoneId zone, Clock clock, int writerThreads) {
        this.directory = directory;
        this.zone = zone;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(writerThreads, runnable -> {
            Thread thread = new Thread(runnable, "recording-writer-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where call {@code callId}'s recording goes when it starts now. */
    public Path fileFor(long callId) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), zone);
        return directory.resolve(day.toString()).resolve("call-" + callId + ".wav");
    }

    @Override
    public Recording open(long callId) {
        // Runs on the call's event loop: the file and its day folder are created by the writer thread.
        CallRecording recording = CallRecording.start(fileFor(callId), writers, CallRecording.DEFAULT_QUEUE_FRAMES);
        MediaTap tap = new MediaTap() {
            @Override
            public void callerFrame(long timeMs, short[] samples) {
                recording.callerFrame(timeMs, samples);
            }

            @Override
            public void repFrame(long timeMs, short[] samples) {
                recording.repFrame(timeMs, samples);
            }

            @Override
            public void hold(boolean onHold, long timeMs) {
                recording.hold(onHold, timeMs);
            }
        };
        return new Recording() {
            @Override
            public MediaTap tap() {
                return tap;
            }

            @Override
            public CompletableFuture<RecordedFile> close() {
                return recording.close().thenApply(done -> new RecordedFile(done.path().toString(), done.durationMs()));
            }
        };
    }

    /** Lets the writers finish what is queued, for a few seconds at most. */
    @Override
    public void close() {
        writers.shutdown();
        try {
            writers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

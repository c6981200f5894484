package dev.acd.recorder.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavFormat;
import dev.acd.recorder.wav.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.testkit.Tones;

class CallRecordingTest {
    @TempDir
    Path dir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
    }

    private static short[] tone(double hz, int frame) {
        short[] out = new short[160];
        for (int i = 0; i < 160; i++) {
            out[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * (frame * 160 + i) / 8000));
        }
        return out;
    }

    private static boolean silent(short[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private short[][] read(Path file, int expectedFrames) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            WavFormat format = reader.format();
            assertEquals(WavEncoding.PCM_16, format.encoding());
            assertEquals(2, format.channels());
            assertEquals(8000, format.sampleRateHz());
            short[][] channels = new short[2][expectedFrames * 160 + 160];
            assertEquals(expectedFrames * 160, reader.read(channels, channels[0].length));
            return channels;
        }
    }

    @Test
    void shouldWriteTheCustomerLeftAndTheRepRightWhenBothSidesTalk() throws Exception {
        Path file = dir.resolve("call.wav");
        CallRecording recording = CallRecording.start(file, worker, CallRecording.DEFAULT_QUEUE_FRAMES);
        for (int f = 0; f < 50; f++) {
            recording.callerFrame(f * 20L, tone(1000, f));
            recording.repFrame(f * 20L + 3, tone(2000, f));
        }
        RecordedCall result = recording.close().get(5, TimeUnit.SECONDS);

        assertEquals(file, result.path());
        assertEquals(1000, result.durationMs());
        assertEquals(0, result.framesDropped());
        short[][] audio = read(file, 50);
        assertTrue(Tones.dominates(audio[0], 0, 8000, 1000, 2000), "left is the customer's 1 kHz");
        assertTrue(Tones.dominates(audio[1], 0, 8000, 2000, 1000), "right is the rep's 2 kHz");
    }

    @Test
    void shouldCreateTheDaysFolderOnTheWriterWhenItDoesNotExistYet() throws Exception {
        Path file = dir.resolve("2026-11-23").resolve("call-7.wav");
        CallRecording recording = CallRecording.start(file, worker, CallRecording.DEFAULT_QUEUE_FRAMES);
        assertTrue(java.nio.file.Files.notExists(file.getParent()), "nothing is created by the caller's thread");
        recording.callerFrame(0, tone(1000, 0));

        RecordedCall result = recording.close().get(5, TimeUnit.SECONDS);

        assertTrue(java.nio.file.Files.size(result.path()) > 44, "the file was written into the new folder");
    }

    @Test
    void shouldFillSilenceWhereOneSideSentNothingAndKeepTheSidesAligned() throws Exception {
        Path file = dir.resolve("gap.wav");
        CallRecording recording = CallRecording.start(file, worker, CallRecording.DEFAULT_QUEUE_FRAMES);
        for (int f = 0; f < 40; f++) {
            if (f < 10 || f >= 30) {
                recording.callerFrame(f * 20L, tone(1000, f)); // the customer's phone sent nothing for 400 ms
            }
            if (f >= 5) {
                recording.repFrame(f * 20L, tone(2000, f)); // the rep's audio starts 100 ms in
            }
        }
        RecordedCall result = recording.close().get(5, TimeUnit.SECONDS);

        assertEquals(800, result.durationMs());
        short[][] audio = read(file, 40);
        assertTrue(Tones.dominates(audio[0], 0, 1600, 1000, 2000));
        assertTrue(silent(audio[0], 1600, 4800), "left silent where the customer sent nothing");
        assertTrue(Tones.dominates(audio[0], 4800, 6400, 1000, 2000));
        assertTrue(silent(audio[1], 0, 800), "right silent before the rep's first frame");
        assertTrue(Tones.dominates(audio[1], 800, 6400, 2000, 1000));
    }

    @Test
    void shouldDropAndCountFramesWithoutBlockingWhenTheWriterFallsBehind() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        Path file = dir.resolve("slow.wav");
        CallRecording recording = CallRecording.start(file, tasks::add, 5);
        for (int f = 0; f < 8; f++) {
            recording.callerFrame(f * 20L, tone(1000, f)); // the worker has not run yet: the queue holds 5
        }
        assertEquals(3, recording.framesDropped());

        var closed = recording.close();
        while (!tasks.isEmpty()) {
            tasks.remove(0).run();
        }
        RecordedCall result = closed.get(5, TimeUnit.SECONDS);
        assertEquals(3, result.framesDropped());
        assertEquals(100, result.durationMs());
    }

    @Test
    void shouldWakeTheWriterOncePerBatchOfFramesAndWriteTheRestOnClose() throws Exception {
        List<Runnable> wakeUps = new ArrayList<>();
        Path file = dir.resolve("batched.wav");
        CallRecording recording = CallRecording.start(file, task -> {
            wakeUps.add(task);
            task.run();
        }, CallRecording.DEFAULT_QUEUE_FRAMES);
        for (int f = 0; f < 50; f++) {
            recording.callerFrame(f * 20L, tone(1000, f));
            recording.repFrame(f * 20L, tone(2000, f));
        }
        assertEquals(6, wakeUps.size(), "100 frames: 6 batches of 16, 4 frames still queued");

        RecordedCall result = recording.close().get(5, TimeUnit.SECONDS);
        assertEquals(1_000, result.durationMs(), "the last 4 frames are written on close");
        assertEquals(0, result.framesDropped());
    }

    @Test
    void shouldLeaveHeldTimeOutAndMarkWhereTheHoldWas() throws Exception {
        Path file = dir.resolve("hold.wav");
        CallRecording recording = CallRecording.start(file, worker, CallRecording.DEFAULT_QUEUE_FRAMES);
        for (int f = 0; f < 10; f++) {
            recording.callerFrame(f * 20L, tone(1000, f));
            recording.repFrame(f * 20L, tone(2000, f));
        }
        recording.hold(true, 200);
        recording.callerFrame(500, tone(1000, 0)); // music on hold reaching the tap is not recorded
        recording.hold(false, 5200);
        for (int f = 0; f < 10; f++) {
            recording.callerFrame(5200 + f * 20L, tone(1000, f));
            recording.repFrame(5200 + f * 20L, tone(2000, f));
        }
        RecordedCall result = recording.close().get(5, TimeUnit.SECONDS);

        assertEquals(400, result.durationMs(), "five seconds of hold are not in the file");
        assertEquals(List.of(200L), result.holdMarksMs());
        short[][] audio = read(file, 20);
        assertTrue(Tones.dominates(audio[0], 1600, 3200, 1000, 2000));
    }

    @Test
    void shouldFinishAnEmptyButReadableFileWhenNothingWasSaid() throws Exception {
        Path file = dir.resolve("empty.wav");
        RecordedCall result = CallRecording.start(file, worker, 10).close().get(5, TimeUnit.SECONDS);
        assertEquals(0, result.durationMs());
        read(file, 0);
    }
}

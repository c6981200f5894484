package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.asterisk.recording.RecordingWatcher;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.time.ManualClock;

class RecordingWatcherTest {
    @TempDir
    Path dir;

    @Test
    void shouldAnnounceEachNewMixMonitorFileOnceWithItsCallIdAndDuration() throws Exception {
        Files.writeString(dir.resolve("acd-1.wav"), "there before start");
        List<Event> published = new CopyOnWriteArrayList<>();
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(Event event) {
                published.add(event);
            }

            @Override
            public boolean tryPublish(Event event) {
                return published.add(event);
            }
        };
        try (RecordingWatcher watcher = new RecordingWatcher(dir, publisher, new ManualClock(5_000), 20)) {
            watcher.start();
            Path staging = Files.createDirectories(dir.resolve("tmp"));
            Path wav = staging.resolve("acd-42.wav");
            writeWav(wav.toFile(), 8_000 * 3); // three seconds at 8 kHz
            Files.move(wav, dir.resolve("acd-42.wav"));
            Files.writeString(dir.resolve("other.wav"), "not ours");

            await().atMost(5, SECONDS).until(() -> !published.isEmpty());
            await().during(java.time.Duration.ofMillis(100)).atMost(2, SECONDS).until(() -> published.size() == 1);
        }
        assertEquals(List.of(new RecordingReady(5_000, 42, dir.resolve("acd-42.wav").toAbsolutePath().toString(),
                3_000)), published);
    }

    private static void writeWav(File file, int frames) throws Exception {
        AudioFormat format = new AudioFormat(8_000, 16, 2, true, false);
        byte[] silence = new byte[frames * format.getFrameSize()];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(silence), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file);
        }
    }
}

package dev.acd.asterisk.recording;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.time.Clock;

/**
 * Scans a directory every {@code scanEveryMs} for finished MixMonitor recordings named {@link #FILE_NAME}
 * ({@code acd-<call id>.wav}, also .WAV or .gsm) and publishes {@code RecordingReady} once per new file, with the
 * duration read from a WAV header (0 when it cannot be read). Files present at start count as announced already.
 * A file must appear complete: let MixMonitor write elsewhere and move it in when done (docs/asterisk.md).
 */
public final class RecordingWatcher implements AutoCloseable {
    /** Recording file names: our call id after "acd-". */
    public static final Pattern FILE_NAME = Pattern.compile("acd-(\\d+)\\.(wav|WAV|gsm)");
    private static final Logger LOG = LoggerFactory.getLogger(RecordingWatcher.class);

    private final Path directory;
    private final EventPublisher publisher;
    private final Clock clock;
    private final long scanEveryMs;
    private final Set<String> seen = new HashSet<>();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mixmonitor-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public RecordingWatcher(Path directory, EventPublisher publisher, Clock clock, long scanEveryMs) {
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
        this.scanEveryMs = scanEveryMs;
    }

    public void start() {
        scan(false);
        scanner.scheduleWithFixedDelay(() -> scan(true), scanEveryMs, scanEveryMs, TimeUnit.MILLISECONDS);
    }

    private void scan(boolean announce) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches() && seen.add(file.getFileName().toString()) && announce) {
                    publisher.publish(new RecordingReady(clock.millis(), Long.parseLong(name.group(1)),
                            file.toAbsolutePath().toString(), durationMs(file)));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot scan recordings directory {}: {}", directory, e.toString());
        }
    }

    private static long durationMs(Path file) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            float framesPerSecond = format.getFormat().getFrameRate();
            if (format.getFrameLength() > 0 && framesPerSecond > 0) {
                return Math.round(format.getFrameLength() * 1000.0 / framesPerSecond);
            }
        } catch (UnsupportedAudioFileException | IOException e) {
            LOG.debug("no duration for {}: {}", file, e.toString());
        }
        return 0;
    }

    @Override
    public void close() {
        scanner.shutdownNow();
    }
}

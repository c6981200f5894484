package dev.acd.asterisk.recording;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
 * Scans a directory every {@code scanEveryMs} for finished MixMonitor recordings and publishes {@code RecordingReady}
 * once per call recording:
 * <ul>
 *   <li>a mixed (mono) recording named {@link #FILE_NAME} ({@code acd-<call id>.wav}, also .WAV or .gsm) is announced
 *       as it is, with the duration read from its WAV header (0 when it cannot be read); QA cannot tell the
 *       customer from the rep in it;</li>
 *   <li>the two legs of MixMonitor's {@code r()}/{@code t()} options, named {@link #LEG_NAME}
 *       ({@code acd-<call id>-in.wav} and {@code acd-<call id>-out.wav}), are merged, once both are there, into
 *       {@code acd-<call id>-stereo.wav} by {@link StereoMerge} and that file is announced. MixMonitor runs on the
 *       rep's channel in the documented dialplan, so {@code in} (what the channel receives) is the rep, right, and
 *       {@code out} (what it transmits to the rep) is the customer, left.</li>
 * </ul>
 * Files present at start count as announced already. A file must appear complete: let MixMonitor write elsewhere and
 * move it in when done (docs/asterisk.md). Runs on its own scan thread.
 */
public final class RecordingWatcher implements AutoCloseable {
    /** Recording file names: our call id after "acd-". */
    public static final Pattern FILE_NAME = Pattern.compile("acd-(\\d+)\\.(wav|WAV|gsm)");
    /** One leg of a call's recording: {@code in} the rep's (received on the rep's channel), {@code out} the customer's. */
    public static final Pattern LEG_NAME = Pattern.compile("acd-(\\d+)-(in|out)\\.(wav|WAV)");
    /** Suffix of the stereo file merged from the legs. */
    public static final String STEREO_SUFFIX = "-stereo.wav";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingWatcher.class);

    private final Path directory;
    private final EventPublisher publisher;
    private final Clock clock;
    private final long scanEveryMs;
    private final Set<String> seen = new HashSet<>();
    /** Legs waiting for their partner, by call id and side ("in", "out"). */
    private final Map<Long, Map<String, Path>> legs = new HashMap<>();
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
                String fileName = file.getFileName().toString();
                Matcher name = FILE_NAME.matcher(fileName);
                Matcher leg = LEG_NAME.matcher(fileName);
                if (name.matches() && seen.add(fileName) && announce) {
                    publisher.publish(new RecordingReady(clock.millis(), Long.parseLong(name.group(1)),
                            file.toAbsolutePath().toString(), durationMs(file)));
                } else if (leg.matches() && seen.add(fileName) && announce) {
                    leg(Long.parseLong(leg.group(1)), leg.group(2), file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot scan recordings directory {}: {}", directory, e.toString());
        }
    }

    private void leg(long callId, String side, Path file) {
        Map<String, Path> pair = legs.computeIfAbsent(callId, id -> new HashMap<>());
        pair.put(side, file);
        if (pair.size() < 2) {
            return;
        }
        legs.remove(callId);
        Path stereo = directory.resolve("acd-" + callId + STEREO_SUFFIX);
        try {
            long durationMs = StereoMerge.merge(pair.get("out"), pair.get("in"), stereo);
            publisher.publish(new RecordingReady(clock.millis(), callId, stereo.toAbsolutePath().toString(),
                    durationMs));
        } catch (IOException | RuntimeException e) {
            LOG.warn("call {}: cannot merge the recording legs into {}: {}", callId, stereo, e.toString());
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

package dev.acd.recorder.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where QA scoring resumes after a restart: recordings announced before journal index {@code lowWater} are all
 * scored, and of those from {@code lowWater} on, the calls in {@code done} (call id to the journal index of its
 * recording) are. Saved as two lines of text, replaced atomically so a crash mid-write leaves the previous one.
 */
record QaCheckpoint(long lowWater, Map<Long, Long> done) {
    /** A fresh service: nothing scored yet. */
    static final QaCheckpoint START = new QaCheckpoint(Long.MIN_VALUE, Map.of());

    QaCheckpoint {
        done = Map.copyOf(done);
    }

    /** Whether the recording announced at journal {@code index} for {@code callId} was already scored. */
    boolean scored(long index, long callId) {
        return index < lowWater || done.containsKey(callId);
    }

    static QaCheckpoint load(Path file) {
        if (!Files.exists(file)) {
            return START;
        }
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            long lowWater = Long.parseLong(lines[0].substring("lowWater=".length()).trim());
            Map<Long, Long> done = new TreeMap<>();
            String list = lines.length > 1 ? lines[1].substring("done=".length()).trim() : "";
            for (String entry : list.isEmpty() ? new String[0] : list.split(",")) {
                String[] callAndIndex = entry.trim().split(":");
                done.put(Long.parseLong(callAndIndex[0]), Long.parseLong(callAndIndex[1]));
            }
            return new QaCheckpoint(lowWater, done);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the QA checkpoint " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the QA checkpoint " + file + " is damaged (" + e.getMessage()
                    + "); delete it to score every recording in the journal again", e);
        }
    }

    void save(Path file) {
        StringBuilder text = new StringBuilder("lowWater=").append(lowWater).append("\ndone=");
        String separator = "";
        for (Map.Entry<Long, Long> e : new TreeMap<>(done).entrySet()) {
            text.append(separator).append(e.getKey()).append(':').append(e.getValue());
            separator = ",";
        }
        text.append('\n');
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the QA checkpoint " + file, e);
        }
    }
}

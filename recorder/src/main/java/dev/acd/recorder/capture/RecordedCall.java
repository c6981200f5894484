package dev.acd.recorder.capture;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished recording, what the {@code RecordingReady} event carries and a little more.
 *
 * @param path the WAV file
 * @param durationMs the recording's length (held time is not in it)
 * @param framesDropped 20 ms frames lost because the writer fell behind (its queue was full)
 * @param holdMarksMs where in the recording each hold began, milliseconds from its start
 */
public record RecordedCall(Path path, long durationMs, long framesDropped, List<Long> holdMarksMs) {
    public RecordedCall {
        holdMarksMs = List.copyOf(holdMarksMs);
    }
}

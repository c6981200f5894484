package dev.acd.sip.call;

import dev.acd.sip.media.MediaTap;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the recording of a bridged call: the server adapts the recorder's {@code CallRecording} (customer left, rep
 * right). {@link #open} runs on the call's loop and must not block (the recorder writes on its own threads).
 */
@FunctionalInterface
public interface CallRecordings {
    /** Starts recording call {@code callId}. */
    Recording open(long callId);

    /** One call's recording: its tap, and finishing it. */
    interface Recording {
        /** Where the bridge hands the call's audio and hold marks. */
        MediaTap tap();

        /** Finalises the file; completes with where it is and how long it lasts, or exceptionally on a failure. */
        CompletableFuture<RecordedFile> close();
    }

    /** A finished recording, for {@code RecordingReady}. */
    record RecordedFile(String path, long durationMs) {
    }

    /** Records nothing. */
    CallRecordings NONE = callId -> null;
}

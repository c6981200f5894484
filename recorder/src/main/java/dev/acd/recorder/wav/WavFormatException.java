package dev.acd.recorder.wav;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a WAV recording we can read; the message names the file and what is wrong with it. */
public final class WavFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    WavFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}

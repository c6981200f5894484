package dev.acd.calls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import dev.acd.core.model.Line;
import dev.acd.core.model.RoutingModel;
import dev.acd.recorder.wav.WavFormat;
import dev.acd.recorder.wav.WavReader;
import dev.acd.sip.call.CallSounds;
import dev.acd.sip.media.PcmSource;

/**
 * Music on hold and prompts from the configuration's WAV files (8 kHz, PCM16, mu-law or A-law; the first channel of
 * a stereo file), held in memory as 8 kHz samples because every waiting caller plays them.
 */
public final class SoundFiles {
    /** The rate calls run at; files at other rates are refused rather than resampled. */
    public static final int SAMPLE_RATE_HZ = 8_000;
    /** Ten minutes: a longer file is almost certainly the wrong file, and would sit in memory. */
    static final int MAX_SECONDS = 600;

    private SoundFiles() {
    }

    /**
     * The samples of a sound file.
     *
     * @throws IOException naming the file and what is wrong with it (missing, not WAV, wrong rate, too long);
     *                     the reader's own errors already name the file
     */
    public static short[] load(Path file) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            WavFormat format = reader.format();
            if (format.sampleRateHz() != SAMPLE_RATE_HZ) {
                throw new IOException(file + ": sounds must be 8000 Hz (calls are G.711), this file is "
                        + format.sampleRateHz() + " Hz; convert it, e.g. sox IN.wav -r 8000 -c 1 OUT.wav");
            }
            if (format.durationMs() > MAX_SECONDS * 1000L) {
                throw new IOException(file + ": " + format.durationMs() / 1000 + " s long; sounds may last "
                        + MAX_SECONDS + " s at most");
            }
            short[][] channels = new short[format.channels()][4096];
            short[] all = new short[0];
            int n;
            while ((n = reader.read(channels, 4096)) > 0) {
                int at = all.length;
                all = Arrays.copyOf(all, at + n);
                System.arraycopy(channels[0], 0, all, at, n);
            }
            if (all.length == 0) {
                throw new IOException(file + ": holds no audio");
            }
            return all;
        }
    }

    /** The built-in sounds with music on hold from {@code holdMusic} when given. */
    public static CallSounds withHoldMusic(Path holdMusic) throws IOException {
        CallSounds builtIn = CallSounds.builtIn();
        if (holdMusic == null) {
            return builtIn;
        }
        short[] music = load(holdMusic);
        return new CallSounds(() -> PcmSource.looping(music), builtIn.announcement(), builtIn.goodbye(),
                builtIn.callbackPrompt());
    }

    /**
     * {@code sounds} with every line menu's prompt file of {@code model} loaded into memory, so a call never reads
     * a file; a prompt the map lacks (a menu added by a later reload) plays the built-in one.
     *
     * @throws IOException naming the first prompt file that cannot be used
     */
    public static CallSounds withMenuPrompts(CallSounds sounds, RoutingModel model) throws IOException {
        Map<String, short[]> prompts = new HashMap<>();
        for (Line line : model.lines()) {
            String file = line.menu() == null ? null : line.menu().prompt();
            if (file != null && !prompts.containsKey(file)) {
                prompts.put(file, load(Path.of(file)));
            }
        }
        if (prompts.isEmpty()) {
            return sounds;
        }
        short[] builtIn = CallSounds.builtInMenuPrompt();
        return sounds.withMenuPrompt(file -> PcmSource.once(file == null ? builtIn : prompts.getOrDefault(file, builtIn)));
    }
}

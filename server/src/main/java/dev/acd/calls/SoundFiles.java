package dev.acd.calls;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.acd.core.audio.PromptWav;
import dev.acd.core.model.Line;
import dev.acd.core.model.RoutingModel;
import dev.acd.recorder.wav.WavFormat;
import dev.acd.recorder.wav.WavReader;
import dev.acd.sip.call.CallSounds;
import dev.acd.sip.prompt.Fragment;
import dev.acd.sip.prompt.PromptSet;

/**
 * Music on hold and prompts from the configuration's WAV files, held in memory as 8 kHz samples because every
 * waiting caller plays them. Music may be PCM16, mu-law or A-law, mono or stereo (the first channel is played);
 * prompts must be 8 kHz mono ({@link PromptWav}). The configuration has already checked each prompt file's format
 * where it is configured; this reads them and checks what only call control knows (the prompts' file names).
 */
public final class SoundFiles {
    /** The rate calls run at; files at other rates are refused rather than resampled. */
    public static final int SAMPLE_RATE_HZ = PromptWav.SAMPLE_RATE_HZ;
    /** Ten minutes: a longer file is almost certainly the wrong file, and would sit in memory. */
    static final int MAX_SECONDS = PromptWav.MAX_SECONDS;

    private SoundFiles() {
    }

    /**
     * The samples of a music file.
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
        return holdMusic == null ? builtIn : builtIn.withHoldMusic(load(holdMusic));
    }

    /**
     * The built-in English prompts with each {@code <fragment>.wav} of {@code directory} in place of its built-in
     * one; a directory may replace a few fragments or all. A WAV file whose name is no fragment's is refused (a typo
     * would otherwise leave the built-in prompt playing unnoticed); other files are ignored.
     *
     * @throws IOException naming the file and what is wrong, with the list of prompt names for a wrong name
     */
    public static PromptSet prompts(Path directory) throws IOException {
        if (directory == null) {
            return PromptSet.builtIn();
        }
        Map<Fragment, short[]> replacements = new EnumMap<>(Fragment.class);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.wav")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Fragment fragment = Fragment.ofFileName(name);
                if (fragment == null) {
                    throw new IOException(file + ": not the name of a prompt; the prompts are "
                            + Arrays.stream(Fragment.values()).map(Fragment::fileName).collect(Collectors.joining(", ")));
                }
                replacements.put(fragment, PromptWav.read(file));
            }
        }
        return PromptSet.builtIn().with(replacements);
    }

    /**
     * {@code sounds} with every line menu's prompt file of {@code model} loaded into memory, so a call never reads
     * a file; a menu the map lacks (one added by a later reload) plays the built-in menu prompt.
     *
     * @throws IOException naming the first prompt file that cannot be used
     */
    public static CallSounds withMenuPrompts(CallSounds sounds, RoutingModel model) throws IOException {
        Map<String, short[]> prompts = new HashMap<>();
        for (Line line : model.lines()) {
            String file = line.menu() == null ? null : line.menu().prompt();
            if (file != null && !prompts.containsKey(file)) {
                prompts.put(file, PromptWav.read(file));
            }
        }
        return sounds.withMenuPrompts(prompts);
    }
}

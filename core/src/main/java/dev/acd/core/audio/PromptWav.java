package dev.acd.core.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a prompt: a RIFF/WAVE file of 8 kHz mono audio, 16-bit PCM, mu-law or A-law, into 8 kHz PCM16 samples.
 * Shared by the configuration (which checks prompt files when it is loaded, so a bad file is reported where it is
 * configured) and call control (which reads its built-in prompts from the classpath). Anything else (another rate,
 * stereo, another encoding, a truncated file) is refused with a {@link IOException} saying what was found.
 */
public final class PromptWav {
    /** The rate calls run at (G.711); prompts at other rates are refused rather than resampled. */
    public static final int SAMPLE_RATE_HZ = 8_000;
    /** Ten minutes: a longer prompt is almost certainly the wrong file, and would sit in memory. */
    public static final int MAX_SECONDS = 600;
    /** How a configuration names a prompt shipped as a resource, not a file: the embedded default's menu prompt. */
    public static final String CLASSPATH = "classpath:";

    private static final int PCM = 1;
    private static final int ALAW = 6;
    private static final int ULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;

    private PromptWav() {
    }

    /** The samples of {@code file}; the message of a failure starts with the file's path. */
    public static short[] read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")", e);
        }
        return decode(bytes, file.toString());
    }

    /**
     * The samples of a prompt named as a configuration names it: a file path, or {@code classpath:} and a resource.
     * A missing resource is a {@link NoSuchFileException} naming it.
     */
    public static short[] read(String name) throws IOException {
        if (!name.startsWith(CLASSPATH)) {
            return read(Path.of(name));
        }
        try (InputStream in = PromptWav.class.getClassLoader().getResourceAsStream(name.substring(CLASSPATH.length()))) {
            if (in == null) {
                throw new NoSuchFileException(name);
            }
            return read(in, name);
        }
    }

    /** The samples of a classpath or other stream; {@code name} starts the message of a failure. */
    public static short[] read(InputStream in, String name) throws IOException {
        return decode(in.readAllBytes(), name);
    }

    /** The samples of a whole WAV file in memory; {@code name} starts the message of a failure. */
    public static short[] decode(byte[] bytes, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException(name + ": not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int at = 12;
        while (at + 8 <= bytes.length) {
            int id = b.getInt(at);
            long size = b.getInt(at + 4) & 0xFFFFFFFFL;
            int body = at + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > bytes.length) {
                    throw new IOException(name + ": its fmt chunk is cut short");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == EXTENSIBLE && size >= 26 && body + 26 <= bytes.length) {
                    format = b.getShort(body + 24) & 0xFFFF; // the sub-format GUID starts with the format tag
                }
            } else if (id == 0x61746164) { // "data"
                if (format < 0) {
                    throw new IOException(name + ": the data chunk comes before any fmt chunk");
                }
                check(name, format, channels, rate, bits);
                int length = (int) Math.min(size, bytes.length - body);
                return samples(b, body, length, format, name);
            }
            at = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IOException(name + ": " + (format < 0 ? "no fmt chunk" : "no data chunk"));
    }

    private static void check(String name, int format, int channels, int rate, int bits) throws IOException {
        String found = rate + " Hz, " + channels + " channel" + (channels == 1 ? "" : "s") + ", " + encoding(format, bits);
        if (rate != SAMPLE_RATE_HZ || channels != 1 || !(format == PCM && bits == 16
                || (format == ULAW || format == ALAW) && bits == 8)) {
            throw new IOException(name + ": prompts must be 8000 Hz mono 16-bit PCM, mu-law or A-law; this file is "
                    + found + "; convert it, e.g. sox IN.wav -r 8000 -c 1 -e u-law OUT.wav");
        }
    }

    private static String encoding(int format, int bits) {
        return switch (format) {
            case PCM -> bits + "-bit PCM";
            case ULAW -> "mu-law";
            case ALAW -> "A-law";
            case 3 -> "32-bit float";
            default -> "format tag " + format;
        };
    }

    private static short[] samples(ByteBuffer b, int at, int length, int format, String name) throws IOException {
        int count = format == PCM ? length / 2 : length;
        if (count == 0) {
            throw new IOException(name + ": holds no audio");
        }
        if (count > MAX_SECONDS * SAMPLE_RATE_HZ) {
            throw new IOException(name + ": " + count / SAMPLE_RATE_HZ + " s long; prompts may last " + MAX_SECONDS
                    + " s at most");
        }
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (format) {
                case PCM -> b.getShort(at + 2 * i);
                case ULAW -> G711.ulawToLinear(b.get(at + i));
                default -> G711.alawToLinear(b.get(at + i));
            };
        }
        return out;
    }
}

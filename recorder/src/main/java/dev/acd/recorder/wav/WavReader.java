package dev.acd.recorder.wav;

import dev.acd.core.audio.G711;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a WAV recording a block of samples at a time, so a call of any length needs only a fixed buffer.
 *
 * <p>Accepts RIFF/WAVE with 16-bit linear PCM, 8-bit G.711 u-law or A-law (also inside WAVE_FORMAT_EXTENSIBLE),
 * one or two channels, 8 to 48 kHz. Chunks other than {@code fmt } and {@code data} are skipped. A data chunk whose
 * size is 0 or 0xFFFFFFFF (a recorder that never patched its header) is read to the end of the file. Not
 * thread-safe: one reader per thread.
 */
public final class WavReader implements AutoCloseable {
    /** The lowest sample rate accepted. */
    public static final int MIN_SAMPLE_RATE_HZ = 8_000;
    /** The highest sample rate accepted. */
    public static final int MAX_SAMPLE_RATE_HZ = 48_000;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Real 'fmt ' chunks are 16 to 40 bytes; anything near the buffer's size is a corrupt header. */
    private static final int MAX_FMT_BYTES = 1024;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private final Path file;
    private final InputStream in;
    private final WavFormat format;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int bufferStart;
    private int bufferEnd;
    /** Data bytes not yet read, or -1 to read to the end of the file. */
    private long dataLeft;

    private WavReader(Path file, InputStream in) throws IOException {
        this.file = file;
        this.in = in;
        this.format = readHeader();
        this.dataLeft = format.dataBytes();
    }

    /** Opens a recording and reads its header; fails with a {@link WavFormatException} naming the problem. */
    public static WavReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new WavReader(file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The recording's format from its header. */
    public WavFormat format() {
        return format;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /**
     * Reads up to {@code maxFrames} sample frames as 16-bit linear samples into {@code channels[c][0..n)}, one array
     * per channel of the recording, and returns n; 0 means the end of the recording. A trailing partial frame
     * (a file cut mid-sample) is dropped.
     */
    public int read(short[][] channels, int maxFrames) throws IOException {
        if (channels.length < format.channels()) {
            throw new IllegalArgumentException("need " + format.channels() + " channel arrays, got " + channels.length);
        }
        int blockAlign = format.blockAlign();
        int frames = 0;
        while (frames < maxFrames) {
            if (bufferEnd - bufferStart < blockAlign && !fill(blockAlign)) {
                break;
            }
            int available = Math.min((bufferEnd - bufferStart) / blockAlign, maxFrames - frames);
            if (dataLeft >= 0) {
                available = (int) Math.min(available, dataLeft / blockAlign);
                if (available == 0) {
                    break;
                }
                dataLeft -= (long) available * blockAlign;
            }
            decode(channels, frames, available);
            frames += available;
        }
        return frames;
    }

    private void decode(short[][] channels, int offset, int frames) {
        int p = bufferStart;
        int count = format.channels();
        switch (format.encoding()) {
            case PCM_16 -> {
                for (int f = offset; f < offset + frames; f++) {
                    for (int c = 0; c < count; c++) {
                        channels[c][f] = (short) ((buffer[p] & 0xFF) | (buffer[p + 1] << 8));
                        p += 2;
                    }
                }
            }
            case ULAW -> {
                for (int f = offset; f < offset + frames; f++) {
                    for (int c = 0; c < count; c++) {
                        channels[c][f] = G711.ulawToLinear(buffer[p++]);
                    }
                }
            }
            case ALAW -> {
                for (int f = offset; f < offset + frames; f++) {
                    for (int c = 0; c < count; c++) {
                        channels[c][f] = G711.alawToLinear(buffer[p++]);
                    }
                }
            }
        }
        bufferStart = p;
    }

    /** Tops the buffer up to at least {@code needed} bytes; false at the end of the file. */
    private boolean fill(int needed) throws IOException {
        System.arraycopy(buffer, bufferStart, buffer, 0, bufferEnd - bufferStart);
        bufferEnd -= bufferStart;
        bufferStart = 0;
        while (bufferEnd < needed) {
            int n = in.read(buffer, bufferEnd, buffer.length - bufferEnd);
            if (n < 0) {
                return false;
            }
            bufferEnd += n;
        }
        return true;
    }

    private WavFormat readHeader() throws IOException {
        if (!fill(12)) {
            throw problem("too short for a WAV file (" + bufferEnd + " bytes)");
        }
        String riff = fourCc();
        if (!riff.equals("RIFF")) {
            throw problem("not a RIFF file (starts with '" + printable(riff) + "', expected 'RIFF')");
        }
        readUint32();
        String wave = fourCc();
        if (!wave.equals("WAVE")) {
            throw problem("a RIFF file of type '" + printable(wave) + "', not 'WAVE'");
        }
        int encodingTag = -1;
        int channels = 0;
        int rate = 0;
        int blockAlign = 0;
        int bits = 0;
        while (true) {
            if (!fill(8)) {
                throw problem(encodingTag < 0 ? "no 'fmt ' chunk" : "no 'data' chunk");
            }
            String id = fourCc();
            long size = readUint32();
            if (id.equals("fmt ")) {
                if (size < 16 || size > MAX_FMT_BYTES) {
                    throw problem("'fmt ' chunk of " + size + " bytes, expected 16 to " + MAX_FMT_BYTES);
                }
                need((int) size, "'fmt ' chunk");
                int tag = readUint16();
                channels = readUint16();
                rate = (int) readUint32();
                readUint32();
                blockAlign = readUint16();
                bits = readUint16();
                long rest = size - 16;
                if (tag == FORMAT_EXTENSIBLE) {
                    if (size < 40) {
                        throw problem("WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk of " + size + " bytes, expected 40");
                    }
                    readUint16();
                    readUint16();
                    readUint32();
                    tag = readUint16();
                    rest = size - 26;
                }
                skip(rest + (size & 1));
                encodingTag = tag;
            } else if (id.equals("data")) {
                if (encodingTag < 0) {
                    throw problem("'data' chunk before the 'fmt ' chunk");
                }
                WavEncoding encoding = encoding(encodingTag, bits);
                checkLayout(encoding, channels, rate, blockAlign);
                long dataBytes = size == UNKNOWN_SIZE || size == 0 ? -1 : size;
                return new WavFormat(encoding, channels, rate, dataBytes);
            } else {
                skip(size + (size & 1));
            }
        }
    }

    private WavEncoding encoding(int tag, int bits) throws WavFormatException {
        for (WavEncoding encoding : WavEncoding.values()) {
            if (encoding.formatTag() == tag) {
                if (encoding.bitsPerSample() != bits) {
                    throw problem(encoding + " with " + bits + " bits per sample; only "
                            + encoding.bitsPerSample() + " is supported");
                }
                return encoding;
            }
        }
        throw problem("format tag " + tag + " is not supported (only PCM 16-bit = 1, A-law = 6, u-law = 7)");
    }

    private void checkLayout(WavEncoding encoding, int channels, int rate, int blockAlign) throws WavFormatException {
        if (channels < 1 || channels > 2) {
            throw problem(channels + " channels; only mono and stereo are supported");
        }
        if (rate < MIN_SAMPLE_RATE_HZ || rate > MAX_SAMPLE_RATE_HZ) {
            throw problem("sample rate " + rate + " Hz is not supported (" + MIN_SAMPLE_RATE_HZ + " to "
                    + MAX_SAMPLE_RATE_HZ + " Hz)");
        }
        int expected = channels * encoding.bitsPerSample() / 8;
        if (blockAlign != expected) {
            throw problem("block align " + blockAlign + " does not match " + channels + " channels of "
                    + encoding.bitsPerSample() + " bits (expected " + expected + ")");
        }
    }

    private void need(int bytes, String what) throws IOException {
        if (!fill(bytes)) {
            throw problem("file ends inside the " + what);
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        long buffered = Math.min(left, bufferEnd - bufferStart);
        bufferStart += (int) buffered;
        left -= buffered;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException(file + ": file ends inside a chunk");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String fourCc() {
        String id = new String(buffer, bufferStart, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        bufferStart += 4;
        return id;
    }

    private int readUint16() {
        int value = (buffer[bufferStart] & 0xFF) | (buffer[bufferStart + 1] & 0xFF) << 8;
        bufferStart += 2;
        return value;
    }

    private long readUint32() {
        long value = (buffer[bufferStart] & 0xFFL) | (buffer[bufferStart + 1] & 0xFFL) << 8
                | (buffer[bufferStart + 2] & 0xFFL) << 16 | (buffer[bufferStart + 3] & 0xFFL) << 24;
        bufferStart += 4;
        return value;
    }

    private static String printable(String id) {
        return id.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private WavFormatException problem(String what) {
        return new WavFormatException(file, what);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

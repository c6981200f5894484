package dev.acd.recorder.wav;

import dev.acd.core.audio.G711;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a 16-bit PCM or u-law WAV recording block by block; the sizes in the header are patched on close, so a
 * recording cut short still reads (its data chunk size stays 0, which {@link WavReader} reads to the end).
 */
public final class WavWriter implements AutoCloseable {
    private static final int HEADER_BYTES = 44;

    private final Path file;
    private final OutputStream out;
    private final WavEncoding encoding;
    private final int channels;
    private final byte[] block = new byte[16 * 1024];
    private long dataBytes;

    private WavWriter(Path file, WavEncoding encoding, int channels, int sampleRateHz) throws IOException {
        if (encoding == WavEncoding.ALAW) {
            throw new IllegalArgumentException("writing A-law is not supported");
        }
        this.file = file;
        this.encoding = encoding;
        this.channels = channels;
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
        byte[] header = new byte[HEADER_BYTES];
        int blockAlign = channels * encoding.bitsPerSample() / 8;
        ascii(header, 0, "RIFF");
        ascii(header, 8, "WAVE");
        ascii(header, 12, "fmt ");
        le32(header, 16, 16);
        le16(header, 20, encoding.formatTag());
        le16(header, 22, channels);
        le32(header, 24, sampleRateHz);
        le32(header, 28, sampleRateHz * blockAlign);
        le16(header, 32, blockAlign);
        le16(header, 34, encoding.bitsPerSample());
        ascii(header, 36, "data");
        out.write(header);
    }

    /** Creates (or replaces) a recording. */
    public static WavWriter create(Path file, WavEncoding encoding, int channels, int sampleRateHz)
            throws IOException {
        return new WavWriter(file, encoding, channels, sampleRateHz);
    }

    /** Appends {@code frames} sample frames taken from {@code channels[c][offset..offset+frames)}. */
    public void write(short[][] samples, int offset, int frames) throws IOException {
        int bytesPerSample = encoding.bitsPerSample() / 8;
        int framesPerBlock = block.length / (channels * bytesPerSample);
        for (int done = 0; done < frames; ) {
            int n = Math.min(framesPerBlock, frames - done);
            int p = 0;
            for (int f = offset + done; f < offset + done + n; f++) {
                for (int c = 0; c < channels; c++) {
                    short s = samples[c][f];
                    if (encoding == WavEncoding.PCM_16) {
                        block[p++] = (byte) s;
                        block[p++] = (byte) (s >> 8);
                    } else {
                        block[p++] = G711.linearToUlaw(s);
                    }
                }
            }
            out.write(block, 0, p);
            dataBytes += p;
            done += n;
        }
    }

    @Override
    public void close() throws IOException {
        if ((dataBytes & 1) == 1) {
            out.write(0);
        }
        out.close();
        try (RandomAccessFile patch = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] size = new byte[4];
            le32(size, 0, (int) (36 + dataBytes + (dataBytes & 1)));
            patch.seek(4);
            patch.write(size);
            le32(size, 0, (int) dataBytes);
            patch.seek(40);
            patch.write(size);
        }
    }

    private static void ascii(byte[] to, int at, String text) {
        for (int i = 0; i < 4; i++) {
            to[at + i] = (byte) text.charAt(i);
        }
    }

    private static void le16(byte[] to, int at, int value) {
        to[at] = (byte) value;
        to[at + 1] = (byte) (value >> 8);
    }

    private static void le32(byte[] to, int at, int value) {
        le16(to, at, value);
        le16(to, at + 2, value >> 16);
    }
}

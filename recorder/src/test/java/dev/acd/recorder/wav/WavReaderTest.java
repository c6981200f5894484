package dev.acd.recorder.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir
    Path dir;

    private static short[][] ramp(int channels, int frames) {
        short[][] samples = new short[channels][frames];
        for (int f = 0; f < frames; f++) {
            samples[0][f] = (short) (f * 7 - 30_000);
            if (channels == 2) {
                samples[1][f] = (short) -(f * 3);
            }
        }
        return samples;
    }

    /** Reads a whole file in odd-sized blocks, as the analysis does, into arrays for comparison. */
    private static short[][] readAll(Path file, int channels, int frames) throws IOException {
        short[][] all = new short[channels][frames];
        short[][] block = new short[channels][77];
        try (WavReader reader = WavReader.open(file)) {
            int at = 0;
            for (int n = reader.read(block, 77); n > 0; n = reader.read(block, 77)) {
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(block[c], 0, all[c], at, n);
                }
                at += n;
            }
            assertEquals(frames, at, "every frame read, none more");
        }
        return all;
    }

    @Test
    void shouldReadBackStereoPcmAcrossBufferBoundariesAt8And16Khz() throws IOException {
        for (int rate : new int[] {8_000, 16_000}) {
            Path file = dir.resolve("stereo-" + rate + ".wav");
            short[][] written = ramp(2, 40_000);
            try (WavWriter writer = WavWriter.create(file, WavEncoding.PCM_16, 2, rate)) {
                writer.write(written, 0, 40_000);
            }
            try (WavReader reader = WavReader.open(file)) {
                assertEquals(new WavFormat(WavEncoding.PCM_16, 2, rate, 160_000), reader.format());
                assertEquals(40_000L * 1000 / rate, reader.format().durationMs());
            }
            short[][] read = readAll(file, 2, 40_000);
            assertArrayEquals(written[0], read[0]);
            assertArrayEquals(written[1], read[1]);
        }
    }

    @Test
    void shouldReadMonoPcm() throws IOException {
        Path file = dir.resolve("mono.wav");
        short[][] written = ramp(1, 1_001);
        try (WavWriter writer = WavWriter.create(file, WavEncoding.PCM_16, 1, 8_000)) {
            writer.write(written, 0, 1_001);
        }
        assertArrayEquals(written[0], readAll(file, 1, 1_001)[0]);
    }

    @Test
    void shouldDecodeUlawWithinItsQuantisationStep() throws IOException {
        Path file = dir.resolve("ulaw.wav");
        short[][] written = ramp(2, 8_000);
        try (WavWriter writer = WavWriter.create(file, WavEncoding.ULAW, 2, 8_000)) {
            writer.write(written, 0, 8_000);
        }
        short[][] read = readAll(file, 2, 8_000);
        for (int f = 0; f < 8_000; f++) {
            int error = Math.abs(read[0][f] - written[0][f]);
            assertTrue(error <= Math.abs(written[0][f]) / 16 + 8, "sample " + f + " off by " + error);
        }
    }

    @Test
    void shouldDecodeAlawCodesToTheG711Values() throws IOException {
        // 0xD5 is A-law's smallest positive step, 0x55 its negative twin, 0xAA the largest positive code.
        Path file = header(6, 1, 8_000, 1, 8, new byte[] {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A});
        short[][] read = readAll(file, 1, 4);
        assertArrayEquals(new short[] {8, -8, 32256, -32256}, read[0]);
    }

    @Test
    void shouldSkipOtherChunksAndReadToTheEndWhenTheDataSizeWasNeverPatched() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 14 + 8 + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("LIST".getBytes()).putInt(5).put(new byte[] {1, 2, 3, 4, 5, 0});
        b.put("data".getBytes()).putInt(0).putShort((short) 100).putShort((short) -100).putShort((short) 7);
        Path file = dir.resolve("unpatched.wav");
        Files.write(file, b.array());
        assertArrayEquals(new short[] {100, -100, 7}, readAll(file, 1, 3)[0]);
    }

    @Test
    void shouldReadPcmInsideWaveFormatExtensible() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + 48 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) 2).putInt(16_000)
                .putInt(64_000).putShort((short) 4).putShort((short) 16)
                .putShort((short) 22).putShort((short) 16).putInt(3)
                // KSDATAFORMAT_SUBTYPE_PCM: format tag 1 in the GUID's first two bytes.
                .putShort((short) 1).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                        (byte) 0x9B, 0x71});
        b.put("data".getBytes()).putInt(8).putShort((short) 1).putShort((short) -1).putShort((short) 2)
                .putShort((short) -2);
        Path file = dir.resolve("extensible.wav");
        Files.write(file, b.array());
        try (WavReader reader = WavReader.open(file)) {
            assertEquals(new WavFormat(WavEncoding.PCM_16, 2, 16_000, 8), reader.format());
        }
        short[][] read = readAll(file, 2, 2);
        assertArrayEquals(new short[] {1, 2}, read[0]);
        assertArrayEquals(new short[] {-1, -2}, read[1]);
    }

    @Test
    void shouldNameTheFileAndTheProblemForWhatItCannotRead() throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "hello, this is not audio");
        assertProblem(text, "notes.wav: not a RIFF file (starts with 'hell', expected 'RIFF')");
        assertProblem(header(1, 2, 8_000, 6, 24, new byte[0]), "PCM_16 with 24 bits per sample; only 16");
        assertProblem(header(1, 3, 8_000, 6, 16, new byte[0]), "3 channels; only mono and stereo");
        assertProblem(header(1, 1, 4_000, 2, 16, new byte[0]), "sample rate 4000 Hz is not supported");
        assertProblem(header(3, 1, 8_000, 4, 32, new byte[0]), "format tag 3 is not supported");
        assertProblem(header(1, 2, 8_000, 2, 16, new byte[0]), "block align 2 does not match 2 channels");
        Path hugeFmt = header(1, 1, 8_000, 2, 16, new byte[0]);
        byte[] bytes = Files.readAllBytes(hugeFmt);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x7FFF_0000);
        Files.write(hugeFmt, bytes);
        assertProblem(hugeFmt, "'fmt ' chunk of 2147418112 bytes, expected 16 to 1024");
        Path tiny = dir.resolve("tiny.wav");
        Files.write(tiny, new byte[] {'R', 'I'});
        assertProblem(tiny, "tiny.wav: too short for a WAV file (2 bytes)");
        Path noData = dir.resolve("nodata.wav");
        Files.write(noData, java.util.Arrays.copyOf(Files.readAllBytes(header(1, 1, 8_000, 2, 16, new byte[0])), 36));
        assertProblem(noData, "nodata.wav: no 'data' chunk");
    }

    private static void assertProblem(Path file, String expected) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavReader.open(file).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    private int headers;

    private Path header(int tag, int channels, int rate, int blockAlign, int bits, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes()).putInt(data.length).put(data);
        Path file = dir.resolve("header-" + headers++ + ".wav");
        Files.write(file, b.array());
        return file;
    }
}

package dev.acd.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptWavTest {
    @TempDir
    Path dir;

    @Test
    void shouldDecodeMuLawALawAndPcmPromptsToTheSameSamplesG711Gives() throws IOException {
        byte[] codes = {0x00, 0x15, 0x7F, (byte) 0x80, (byte) 0xD5, (byte) 0xFF};
        short[] ulaw = PromptWav.decode(wav(7, 1, 8000, 8, codes, false), "u.wav");
        short[] alaw = PromptWav.decode(wav(6, 1, 8000, 8, codes, false), "a.wav");
        for (int i = 0; i < codes.length; i++) {
            assertEquals(G711.ulawToLinear(codes[i]), ulaw[i]);
            assertEquals(G711.alawToLinear(codes[i]), alaw[i]);
        }
        byte[] pcm = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -1234).putShort((short) 32767)
                .array();
        assertArrayEquals(new short[] {-1234, 32767}, PromptWav.decode(wav(1, 1, 8000, 16, pcm, false), "p.wav"));
    }

    @Test
    void shouldSkipOtherChunksIncludingOddSizedOnes() throws IOException {
        byte[] codes = {0x10, 0x20};
        assertEquals(2, PromptWav.decode(wav(7, 1, 8000, 8, codes, true), "with-list.wav").length);
    }

    @Test
    void shouldRefuseWhatCallsCannotPlayNamingTheFileAndWhatItIs() {
        assertEquals("cd.wav: prompts must be 8000 Hz mono 16-bit PCM, mu-law or A-law; this file is 44100 Hz, 2 channels, "
                + "16-bit PCM; convert it, e.g. sox IN.wav -r 8000 -c 1 -e u-law OUT.wav",
                assertThrows(IOException.class, () -> PromptWav.decode(wav(1, 2, 44_100, 16, new byte[8], false),
                        "cd.wav")).getMessage());
        assertTrue(assertThrows(IOException.class, () -> PromptWav.decode(wav(3, 1, 8000, 32, new byte[8], false),
                "f.wav")).getMessage().contains("32-bit float"));
        assertEquals("t.txt: not a WAV file (no RIFF/WAVE header)", assertThrows(IOException.class,
                () -> PromptWav.decode("hello, world".getBytes(StandardCharsets.US_ASCII), "t.txt")).getMessage());
        assertEquals("e.wav: holds no audio", assertThrows(IOException.class,
                () -> PromptWav.decode(wav(7, 1, 8000, 8, new byte[0], false), "e.wav")).getMessage());
    }

    @Test
    void shouldNameAMissingFile() {
        Path missing = dir.resolve("nope.wav");
        IOException e = assertThrows(IOException.class, () -> PromptWav.read(missing));
        assertTrue(e.getMessage().startsWith(missing + ": cannot be read"), e.getMessage());
    }

    @Test
    void shouldReadANamedFileOrClasspathResourceAndNameAMissingResource() throws IOException {
        Path file = dir.resolve("n2.wav");
        Files.write(file, wav(7, 1, 8000, 8, new byte[] {0x15}, false));
        assertArrayEquals(PromptWav.read(file), PromptWav.read(file.toString()));

        IOException e = assertThrows(NoSuchFileException.class, () -> PromptWav.read("classpath:no/such/menu.wav"));
        assertEquals("classpath:no/such/menu.wav", e.getMessage());
    }

    @Test
    void shouldReadAFileFromDisk() throws IOException {
        Path file = dir.resolve("n1.wav");
        Files.write(file, wav(7, 1, 8000, 8, new byte[] {0x15}, false));
        assertArrayEquals(new short[] {G711.ulawToLinear((byte) 0x15)}, PromptWav.read(file));
    }

    private static byte[] wav(int format, int channels, int rate, int bits, byte[] data, boolean oddChunk) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer fmt = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        fmt.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) format)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits);
        body.writeBytes(fmt.array());
        if (oddChunk) {
            ByteBuffer list = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            list.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(3).put(new byte[] {1, 2, 3, 0});
            body.writeBytes(list.array());
        }
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        head.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length);
        body.writeBytes(head.array());
        body.writeBytes(data);
        ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(riff.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}

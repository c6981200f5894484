package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompt files (the prompts directory, a menu's prompt) are checked when the configuration loads, where named. */
class PromptFilesConfigTest {
    private static final String BASE = String.join("\n",
            "routing: { defaultSegment: smb }",
            "skills: [ { id: crm } ]",
            "segments: [ { id: smb, homeTeams: [inside] } ]",
            "queues: [ { id: sales, tiers: [ { name: anyone, scope: SKILLED } ] } ]",
            "reps: [ { id: anna, team: inside, skills: { crm: 5 } } ]",
            "");
    private static final String LINE = "lines: [ { id: main, number: \"+1 555 0100\", queue: sales } ]\n";

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAPromptsDirectoryOfEightKilohertzMonoFiles() throws Exception {
        Path prompts = Files.createDirectory(dir.resolve("prompts"));
        Files.write(prompts.resolve("goodbye.wav"), wav(8000, 1, 800));
        Files.write(prompts.resolve("n3.wav"), wav(8000, 1, 800));
        AcdConfig config = ConfigLoader.load(write(BASE + LINE + "sip:\n  media: { promptsDirectory: prompts }\n"));
        assertEquals(prompts, config.sip().media().promptsDirectory());
    }

    @Test
    void shouldReportEachPromptThatIsNotEightKilohertzMonoAtThePromptsDirectorySetting() throws IOException {
        Path prompts = Files.createDirectory(dir.resolve("prompts"));
        Files.write(prompts.resolve("goodbye.wav"), wav(16_000, 1, 800));
        Files.write(prompts.resolve("n3.wav"), wav(8000, 2, 800));
        Files.write(prompts.resolve("n4.wav"), wav(8000, 1, 800));
        String yaml = BASE + LINE + "sip:\n  media: { promptsDirectory: prompts }\n";

        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));

        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
        ConfigProblem rate = problems.get(0);
        assertEquals("sip.media.promptsDirectory", rate.path());
        assertTrue(rate.message().startsWith(prompts.resolve("goodbye.wav").toString())
                && rate.message().contains("16000 Hz, 1 channel"), rate.message());
        assertTrue(problems.get(1).message().contains("n3.wav") && problems.get(1).message().contains("2 channels"),
                problems.get(1).message());
        assertEquals(yaml.lines().toList().size(), rate.line(), "the line of the setting");
        assertEquals(yaml.lines().toList().get(rate.line() - 1).indexOf("prompts }") + 1, rate.column());
        assertTrue(rate.render().startsWith(dir.resolve("acd.yaml") + ":" + rate.line() + ":" + rate.column()),
                rate.render());
    }

    @Test
    void shouldReportAMenuPromptThatIsNoWavFileWhereItIsNamed() throws IOException {
        Files.writeString(dir.resolve("menu.wav"), "press one for sales", StandardCharsets.UTF_8);
        String yaml = BASE + "lines:\n  - id: main\n    number: \"+1 555 0100\"\n    queue: sales\n"
                + "    menu: { default: sales, options: { \"1\": sales }, prompt: menu.wav }\n";

        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));

        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("lines[0].menu.prompt", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("menu.wav: not a WAV file"), problems.get(0).message());
        assertEquals(yaml.lines().toList().size(), problems.get(0).line());
    }

    /** A 16-bit PCM WAV file of silence. */
    static byte[] wav(int rateHz, int channels, int frames) {
        int data = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rateHz).putInt(rateHz * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

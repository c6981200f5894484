package dev.acd.calls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.model.Line;
import dev.acd.core.model.LineMenu;
import dev.acd.core.model.RoutingModel;
import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavWriter;
import dev.acd.sip.call.CallSounds;
import dev.acd.sip.prompt.Fragment;
import dev.acd.sip.prompt.PromptSet;

class SoundFilesTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadAnEightKilohertzFileAsMusicOnHold() throws IOException {
        short[] tune = new short[12_000];
        for (int i = 0; i < tune.length; i++) {
            tune[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        Path file = write("hold.wav", 8000, tune);

        assertArrayEquals(tune, SoundFiles.load(file));
        CallSounds sounds = SoundFiles.withHoldMusic(file);
        short[] frame = new short[160];
        sounds.holdMusic().get().read(frame);
        assertArrayEquals(java.util.Arrays.copyOf(tune, 160), frame, "callers on hold hear the file");
    }

    @Test
    void shouldPlayEachLineMenusOwnPromptAndTheBuiltInOneForMenusWithout() throws IOException {
        short[] prompt = new short[800];
        java.util.Arrays.fill(prompt, (short) 1234);
        Path file = write("menu.wav", 8000, prompt);
        RoutingModel model = new RoutingModel(List.of(), List.of(), List.of(), List.of(
                new Line("a", "+1", "A", "q", new LineMenu(file.toString(), 5, "q", Map.of("1", "q"))),
                new Line("b", "+2", "B", "q", new LineMenu(null, 5, "q", Map.of("1", "q")))), List.of(), null);

        CallSounds sounds = SoundFiles.withMenuPrompts(CallSounds.builtIn(), model);
        short[] frame = new short[160];
        sounds.menuPrompt(model.lines().get(0).menu()).read(frame);
        assertArrayEquals(java.util.Arrays.copyOf(prompt, 160), frame, "callers on line a hear the file");
        sounds.menuPrompt(model.lines().get(1).menu()).read(frame);
        assertArrayEquals(java.util.Arrays.copyOf(PromptSet.builtIn().samples(Fragment.MENU_CHOOSE), 160), frame,
                "callers on line b hear the built-in spoken menu");
    }

    @Test
    void shouldPlayTheDemoMainNumbersOwnSpokenMenuFromTheEmbeddedConfiguration() throws Exception {
        RoutingModel model = dev.acd.config.ConfigLoader.loadDefault().model();
        LineMenu main = model.line("main").orElseThrow().menu();

        CallSounds sounds = SoundFiles.withMenuPrompts(CallSounds.builtIn(), model);

        short[] frame = new short[160];
        short[] builtIn = java.util.Arrays.copyOf(PromptSet.builtIn().samples(Fragment.MENU_CHOOSE), 160);
        int frames = 0;
        boolean differs = false;
        var prompt = sounds.menuPrompt(main);
        while (prompt.read(frame) > 0) {
            differs |= frames == 0 && !java.util.Arrays.equals(builtIn, frame);
            frames++;
        }
        assertTrue(differs, "not the built-in 'please choose an option'");
        assertTrue(frames > 250, "about six seconds of speech, got " + frames + " frames");
    }

    @Test
    void shouldRefuseAMenuPromptFileThatIsNotAnEightKilohertzWav() throws IOException {
        Path file = write("menu-cd.wav", 44_100, new short[4410]);
        RoutingModel model = new RoutingModel(List.of(), List.of(), List.of(), List.of(
                new Line("a", "+1", "A", "q", new LineMenu(file.toString(), 5, "q", Map.of("1", "q")))), List.of(), null);
        IOException e = assertThrows(IOException.class, () -> SoundFiles.withMenuPrompts(CallSounds.builtIn(), model));
        assertTrue(e.getMessage().contains("menu-cd.wav"), e.getMessage());
    }

    @Test
    void shouldRefuseAFileAtAnotherRateNamingTheFileAndTheRate() throws IOException {
        Path file = write("cd-quality.wav", 44_100, new short[4410]);

        IOException e = assertThrows(IOException.class, () -> SoundFiles.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("44100 Hz"), e.getMessage());
    }

    @Test
    void shouldRefuseAMissingFileNamingIt() {
        Path missing = dir.resolve("nope.wav");
        IOException e = assertThrows(IOException.class, () -> SoundFiles.load(missing));
        assertTrue(e.getMessage().contains("nope.wav"), e.getMessage());
    }

    @Test
    void shouldReplaceOnlyTheBuiltInPromptsThePromptsDirectoryHolds() throws IOException {
        Path prompts = Files.createDirectory(dir.resolve("prompts"));
        short[] goodbye = new short[1600];
        java.util.Arrays.fill(goodbye, (short) 4321);
        write("prompts/goodbye.wav", 8000, goodbye);
        Files.writeString(prompts.resolve("README.txt"), "not a prompt, ignored");

        PromptSet set = SoundFiles.prompts(prompts);
        assertArrayEquals(goodbye, set.samples(Fragment.GOODBYE));
        assertArrayEquals(PromptSet.builtIn().samples(Fragment.N3), set.samples(Fragment.N3), "the rest is built in");
    }

    @Test
    void shouldRefuseAPromptFileWhoseNameIsNoPromptsListingTheNames() throws IOException {
        Path prompts = Files.createDirectory(dir.resolve("prompts"));
        write("prompts/goodby.wav", 8000, new short[1600]);
        IOException e = assertThrows(IOException.class, () -> SoundFiles.prompts(prompts));
        assertTrue(e.getMessage().contains("goodby.wav") && e.getMessage().contains("goodbye.wav"), e.getMessage());
    }

    @Test
    void shouldRefuseAStereoPromptNamingTheFileAndWhatItIs() throws IOException {
        Path prompts = Files.createDirectory(dir.resolve("prompts"));
        Path file = prompts.resolve("goodbye.wav");
        try (WavWriter writer = WavWriter.create(file, WavEncoding.PCM_16, 2, 8000)) {
            writer.write(new short[][] {new short[800], new short[800]}, 0, 800);
        }
        IOException e = assertThrows(IOException.class, () -> SoundFiles.prompts(prompts));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("2 channels"), e.getMessage());
    }

    private Path write(String name, int rate, short[] samples) throws IOException {
        Path file = dir.resolve(name);
        try (WavWriter writer = WavWriter.create(file, WavEncoding.PCM_16, 1, rate)) {
            writer.write(new short[][] {samples}, 0, samples.length);
        }
        return file;
    }
}

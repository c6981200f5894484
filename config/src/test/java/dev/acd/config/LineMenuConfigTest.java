package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.model.LineMenu;

/** A line's DTMF menu: how it is written, and each mistake named with its file, line and column. */
class LineMenuConfigTest {
    private static final String MENU = String.join("\n",
            "    menu:",
            "      timeoutSeconds: 7",
            "      default: sales",
            "      options: { \"1\": sales, \"2\": renewals, \"0\": sales, \"#\": renewals }",
            "");

    @TempDir
    Path dir;

    @Test
    void shouldReadAMenuMappingKeysToQueues() throws Exception {
        AcdConfig config = ConfigLoader.load(write(withMenu(MENU)));
        LineMenu menu = config.model().lines().get(0).menu();
        assertEquals(7, menu.timeoutSeconds());
        assertEquals("sales", menu.defaultQueue());
        assertEquals(Map.of("0", "sales", "1", "sales", "2", "renewals", "#", "renewals"), menu.options());
        assertEquals("renewals", menu.queueFor('2'));
        assertNull(menu.queueFor('9'));
        assertNull(menu.prompt(), "no prompt: the built-in one");
    }

    @Test
    void shouldDefaultTheTimeoutAndLeaveLinesWithoutAMenuAlone() throws Exception {
        AcdConfig config = ConfigLoader.load(write(withMenu(MENU.replace("      timeoutSeconds: 7\n", ""))));
        assertEquals(Settings.MENU_TIMEOUT_SECONDS.defaultValue(), config.model().lines().get(0).menu().timeoutSeconds());
        assertNull(config.model().lines().get(1).menu());
    }

    @Test
    void shouldResolveThePromptBesideTheYamlFileAndTakeBuiltinAsNone() throws Exception {
        Files.write(dir.resolve("menu.wav"), PromptFilesConfigTest.wav(8000, 1, 800));
        AcdConfig withFile = ConfigLoader.load(write(withMenu(MENU + "      prompt: menu.wav\n")));
        assertEquals(dir.resolve("menu.wav").toString(), withFile.model().lines().get(0).menu().prompt());
        AcdConfig builtIn = ConfigLoader.load(write(withMenu(MENU + "      prompt: builtin\n")));
        assertNull(builtIn.model().lines().get(0).menu().prompt());
    }

    @Test
    void shouldReportAMissingPromptFileWhereItIsNamed() throws IOException {
        String yaml = withMenu(MENU + "      prompt: nowhere.wav\n");
        ConfigProblem problem = single(yaml);
        assertEquals("lines[0].menu.prompt", problem.path());
        assertTrue(problem.message().startsWith("file 'nowhere.wav' not found"), problem.message());
        assertEquals(lineOf(yaml, "prompt: nowhere.wav"), problem.line());
    }

    @Test
    void shouldReportAnOptionNamingAnUnknownQueueAtItsValue() throws IOException {
        String yaml = withMenu(MENU.replace("\"2\": renewals", "\"2\": renewal"));
        ConfigProblem problem = single(yaml);
        assertEquals("lines[0].menu.options.2", problem.path());
        assertEquals("unknown queue 'renewal' (did you mean 'renewals'?)", problem.message());
        assertEquals(lineOf(yaml, "renewal,"), problem.line());
        assertEquals(yaml.lines().toList().get(problem.line() - 1).indexOf("renewal,") + 1, problem.column());
    }

    @Test
    void shouldReportAnUnknownDefaultQueue() throws IOException {
        ConfigProblem problem = single(withMenu(MENU.replace("default: sales", "default: nobody")));
        assertEquals("lines[0].menu.default", problem.path());
        assertTrue(problem.message().startsWith("unknown queue 'nobody'"), problem.message());
    }

    @Test
    void shouldRequireADefault() throws IOException {
        String yaml = withMenu(MENU.replace("      default: sales\n", ""));
        ConfigProblem problem = single(yaml);
        assertEquals("lines[0].menu.default", problem.path());
        assertTrue(problem.message().startsWith("missing required key 'default'"), problem.message());
        assertEquals(lineOf(yaml, "menu:") + 1, problem.line());
    }

    @Test
    void shouldRejectKeysThatAreNotOneDigitStarOrHash() throws IOException {
        String yaml = withMenu(MENU.replace("\"0\": sales", "\"12\": sales, x: sales"));
        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("lines[0].menu.options.12", problems.get(0).path());
        assertEquals("expected a key 0-9, * or # (one per option), got '12'", problems.get(0).message());
        assertEquals("lines[0].menu.options.x", problems.get(1).path());
        assertEquals(yaml.lines().toList().get(problems.get(1).line() - 1).indexOf("x: sales") + 1,
                problems.get(1).column());
    }

    @Test
    void shouldRejectATimeoutOutsideOneToSixtySeconds() throws IOException {
        for (String bad : List.of("0", "61")) {
            ConfigProblem problem = single(withMenu(MENU.replace("timeoutSeconds: 7", "timeoutSeconds: " + bad)));
            assertEquals("lines[0].menu.timeoutSeconds", problem.path());
            assertEquals("expected a whole number of seconds from 1 to 60, got " + bad, problem.message());
        }
    }

    @Test
    void shouldRequireAtLeastOneOption() throws IOException {
        ConfigProblem problem = single(withMenu(MENU.replaceAll("options: .*", "options: {}")));
        assertEquals("lines[0].menu.options", problem.path());
        assertTrue(problem.message().startsWith("a menu needs at least one option"), problem.message());
    }

    @Test
    void shouldSuggestTheRightKeyForATypoInsideTheMenu() throws IOException {
        ConfigProblem problem = single(withMenu(MENU.replace("timeoutSeconds", "timeoutSecs")));
        assertEquals("lines[0].menu.timeoutSecs", problem.path());
        assertTrue(problem.message().contains("timeoutSeconds"), problem.message());
    }

    /** The validation test's file with a renewals queue and line, and {@code menu} on the first line. */
    private static String withMenu(String menu) {
        return ConfigValidationTest.VALID
                .replace("lines:\n", "  - { id: renewals, tiers: [ { name: anyone, scope: SKILLED, kinds: [INSIDE] } ] }\n"
                        + "lines:\n")
                .replace("  - { id: main, number: \"+1 555 0100\", queue: sales }\n",
                        "  - id: main\n    number: \"+1 555 0100\"\n    queue: sales\n" + menu
                                + "  - { id: renew, number: \"+1 555 0101\", queue: renewals }\n");
    }

    private ConfigProblem single(String yaml) throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertTrue(problems.get(0).file().endsWith("acd.yaml"));
        return problems.get(0);
    }

    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

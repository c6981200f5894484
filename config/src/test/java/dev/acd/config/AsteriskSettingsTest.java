package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code asterisk} section: defaults, the demo's FastAGI, and errors that name the key. */
class AsteriskSettingsTest {
    private static final String BASE = String.join("\n",
            "routing: { defaultSegment: smb }",
            "skills: [ { id: crm } ]",
            "segments: [ { id: smb, homeTeams: [inside] } ]",
            "queues: [ { id: sales, tiers: [ { name: anyone, scope: SKILLED } ] } ]",
            "lines: [ { id: main, number: \"+1 555 0100\", queue: sales } ]",
            "reps: [ { id: anna, team: inside, skills: { crm: 5 } } ]",
            "");

    @TempDir
    Path dir;

    @Test
    void shouldTurnTheAdapterOffWhenTheSectionIsAbsent() throws Exception {
        AcdConfig config = ConfigLoader.load(write(BASE));
        assertEquals(AsteriskSettings.OFF, config.asterisk());
        assertFalse(config.asterisk().fastAgiEnabled());
    }

    @Test
    void shouldListenForFastAgiOnPort4573InTheDemoConfiguration() throws Exception {
        AsteriskSettings asterisk = ConfigLoader.loadDefault().asterisk();
        assertTrue(asterisk.fastAgiEnabled());
        assertEquals(4573, asterisk.fastAgiPort());
        assertFalse(asterisk.amiEnabled());
    }

    @Test
    void shouldReadEveryKeyWhenGiven() throws Exception {
        AcdConfig config = ConfigLoader.load(write(BASE + String.join("\n",
                "asterisk:",
                "  fastagi: { enabled: true, bind: 127.0.0.1, port: 14573, maxWaitingCalls: 20, trunkDialPattern: \"SIP/carrier/{number}\" }",
                "  ami: { enabled: true, host: pbx.example, port: 15038, user: acd, secret: s3cret }",
                "  bringYourOwnQueue: true",
                "  recordingsDirectory: /var/spool/asterisk/monitor",
                "")));
        AsteriskSettings a = config.asterisk();
        assertEquals(new AsteriskSettings(true, "127.0.0.1", 14573, 20, "SIP/carrier/{number}", true, "pbx.example",
                15038, "acd", "s3cret", true, Path.of("/var/spool/asterisk/monitor")), a);
        assertFalse(a.toString().contains("s3cret"), "the secret must stay out of logs: " + a);
    }

    @Test
    void shouldNameTheKeyWhenTheManagerInterfaceHasNoSecret() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE
                + "asterisk:\n  ami: { enabled: true, user: acd }\n"));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("asterisk.ami.secret", problems.get(0).path());
        assertEquals("the manager interface is enabled but no secret is given", problems.get(0).message());
    }

    @Test
    void shouldRefuseADialPatternWithoutTheNumberPlaceholder() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE
                + "asterisk:\n  fastagi: { trunkDialPattern: \"PJSIP/trunk\" }\n"));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("asterisk.fastagi.trunkDialPattern", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("{number}"), problems.get(0).message());
    }

    @Test
    void shouldRefuseBringYourOwnQueueWithoutTheManagerInterfaceAndAPortOutOfRange() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE
                + "asterisk:\n  fastagi: { port: 70000 }\n  bringYourOwnQueue: true\n"));
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("asterisk.fastagi.port")
                && p.message().equals("expected a whole number from 1 to 65535, got 70000")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("asterisk.bringYourOwnQueue")), problems.toString());
    }

    @Test
    void shouldLeaveTheRecordingsDirectoryUnsetByDefault() throws Exception {
        assertNull(ConfigLoader.load(write(BASE + "asterisk: { fastagi: { enabled: true } }\n")).asterisk()
                .recordingsDirectory());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}

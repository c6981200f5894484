package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sip.calls} section: how call control makes sure dead calls end. */
class SipCallsSettingsTest {
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
    void shouldProbeLegsEvery30sAndHangUpAfter60sWithoutRtpWhenTheSectionIsAbsent() throws Exception {
        assertEquals(new SipSettings.Calls(30_000, 60_000, 120_000), ConfigLoader.load(write(BASE)).sip().calls());
    }

    @Test
    void shouldReadEveryKeyInMillisecondsAndAllowZeroToTurnEachOff() throws Exception {
        SipSettings sip = ConfigLoader.load(write(BASE
                + "sip:\n  calls: { keepaliveSeconds: 5, rtpTimeoutSeconds: 0, dialTimeoutSeconds: 45 }\n")).sip();
        assertEquals(new SipSettings.Calls(5_000, 0, 45_000), sip.calls());
    }

    @Test
    void shouldNameTheKeyOfANegativeKeepalive() throws Exception {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE + "sip:\n  calls: { keepaliveSeconds: -1 }\n"));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("sip.calls.keepaliveSeconds", problems.get(0).path());
        assertTrue(problems.get(0).render().contains("acd.yaml:8:"), problems.get(0).render());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}

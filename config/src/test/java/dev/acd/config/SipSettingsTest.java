package dev.acd.config;

import dev.acd.core.digest.DigestAlgorithm;
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

/** The {@code sip} section: defaults, every key read, and errors that name the file, line, column and key. */
class SipSettingsTest {
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
    void shouldListenOnPort5060OverUdpAndTcpWhenTheSectionIsAbsent() throws Exception {
        SipSettings sip = ConfigLoader.load(write(BASE)).sip();
        assertTrue(sip.enabled());
        assertEquals("0.0.0.0", sip.bind());
        assertEquals(5060, sip.port());
        assertTrue(sip.udp() && sip.tcp());
        assertNull(sip.advertisedAddress());
        assertEquals(new SipSettings.Timers(500, 4000, 5000), sip.timers());
        assertEquals(new SipSettings.Registrar(60, 3600, 3600, 10, 30_000, 2), sip.registrar());
        assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), sip.digest().algorithms());
        assertEquals(new SipSettings.Defence(60_000, 10, 20, 600_000), sip.defence());
        assertEquals(new SipSettings.Media(20000, 29999, 10_000, null, null), sip.media());
        assertNull(sip.testExtension(), "the test line is off unless configured");
        assertTrue(sip.trunk().allowedSources().isEmpty());
    }

    @Test
    void shouldListenOn5060WithTheEchoLineInTheDemoConfiguration() throws Exception {
        SipSettings sip = ConfigLoader.loadDefault().sip();
        assertEquals(5060, sip.port());
        assertEquals("echo", sip.testExtension());
        assertTrue(sip.udp() && sip.tcp());
        assertEquals(List.of(DigestAlgorithm.MD5), sip.digest().algorithms(), "baresip 1.0 answers MD5-only challenges");
    }

    @Test
    void shouldReadEveryKeyWhenGiven() throws Exception {
        Files.writeString(dir.resolve("hold.wav"), "not checked here", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("prompts"));
        SipSettings sip = ConfigLoader.load(write(BASE + String.join("\n",
                "sip:",
                "  bind: 127.0.0.1",
                "  port: 15060",
                "  transports: [tcp]",
                "  advertisedAddress: 203.0.113.10",
                "  ioThreads: 2",
                "  tcpIdleTimeoutSeconds: 90",
                "  timers: { t1Ms: 200, t2Ms: 2000, t4Ms: 3000 }",
                "  registrar: { minExpiresSeconds: 30, maxExpiresSeconds: 600, defaultExpiresSeconds: 300,"
                        + " maxContactsPerUser: 3, pingIntervalSeconds: 0, pingMaxMisses: 4 }",
                "  digest: { algorithms: [MD5], nonceLifetimeSeconds: 60, acceptNoQop: true }",
                "  defence: { windowSeconds: 30, maxFailuresPerSource: 3, maxFailuresPerUser: 5, blockSeconds: 120 }",
                "  trunk: { allowedSources: [198.51.100.7, 203.0.113.0/24], address: \"198.51.100.7:5080\","
                        + " transport: tcp, callerId: \"+1 555 0100\", dialRules: [\"deny ^\\\\+1900\", \"allow .*\"] }",
                "  media: { rtpPortFirst: 30000, rtpPortLast: 30099, noMediaTimeoutSeconds: 0,"
                        + " musicOnHold: hold.wav, promptsDirectory: prompts }",
                "  testExtension: echo",
                "  testExtensionRingMs: 0",
                ""))).sip();
        assertEquals(new SipSettings(true, "127.0.0.1", 15060, false, true, "203.0.113.10", 2, 90_000,
                new SipSettings.Timers(200, 2000, 3000), new SipSettings.Registrar(30, 600, 300, 3, 0, 4),
                new SipSettings.Digest(List.of(DigestAlgorithm.MD5), 60_000, true),
                new SipSettings.Defence(30_000, 3, 5, 120_000),
                new SipSettings.Trunk(List.of("198.51.100.7", "203.0.113.0/24"), "198.51.100.7:5080", "tcp",
                        "+1 555 0100", List.of("deny ^\\+1900", "allow .*")),
                new SipSettings.Media(30000, 30099, 0, dir.resolve("hold.wav"), dir.resolve("prompts")),
                "echo", 0), sip);
    }

    @Test
    void shouldNameWhereADialRuleIsNeitherAllowNorDenyOrItsPatternIsBroken() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE
                + "sip:\n  trunk:\n    dialRules: [\"permit .*\", \"deny ([\"]\n"));
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("sip.trunk.dialRules[0]", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("expected 'allow REGEX' or 'deny REGEX'"),
                problems.get(0).message());
        assertEquals("sip.trunk.dialRules[1]", problems.get(1).path());
        assertTrue(problems.get(1).message().startsWith("bad pattern '(['"), problems.get(1).message());
    }

    @Test
    void shouldNameFileLineAndColumnOfABadTrunkSource() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE
                + "sip:\n  trunk:\n    allowedSources: [198.51.100.7, carrier.example, 10.0.0.0/33]\n"));
        assertEquals(2, problems.size(), ConfigProblem.render(problems).toString());
        ConfigProblem host = problems.get(0);
        assertEquals(9, host.line(), host.render());
        assertEquals(36, host.column(), host.render());
        assertEquals("sip.trunk.allowedSources[1]", host.path());
        assertTrue(host.message().contains("no host names"), host.message());
        assertTrue(host.render().startsWith(dir.resolve("acd.yaml") + ":9:36: "), host.render());
        assertEquals("sip.trunk.allowedSources[2]", problems.get(1).path());
        assertTrue(problems.get(1).message().contains("0-32"), problems.get(1).message());
    }

    @Test
    void shouldRefuseTimersRegistrarLimitsAndPortsOutOfOrder() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE + String.join("\n",
                "sip:",
                "  port: 70000",
                "  transports: [udp, sctp]",
                "  timers: { t1Ms: 1000, t2Ms: 500 }",
                "  registrar: { minExpiresSeconds: 120, defaultExpiresSeconds: 60 }",
                "  digest: { algorithms: [SHA-512] }",
                "  media: { rtpPortFirst: 20001 }",
                "")));
        List<String> paths = problems.stream().map(ConfigProblem::path).toList();
        assertEquals(List.of("sip.port", "sip.transports[1]", "sip.timers.t2Ms", "sip.registrar.defaultExpiresSeconds",
                "sip.digest.algorithms", "sip.digest.algorithms[0]", "sip.media.rtpPortFirst"), paths,
                ConfigProblem.render(problems).toString());
        assertTrue(problems.get(2).message().contains("must not be below t1Ms"), problems.get(2).message());
    }

    @Test
    void shouldRefuseAMusicFileThatIsNotThere() throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(BASE + "sip: { media: { musicOnHold: missing.wav } }\n"));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertEquals("sip.media.musicOnHold", problems.get(0).path());
        assertTrue(problems.get(0).message().startsWith("file 'missing.wav' not found"), problems.get(0).message());
    }

    @Test
    void shouldTurnSipOffWhenDisabled() throws Exception {
        assertFalse(ConfigLoader.load(write(BASE + "sip: { enabled: false }\n")).sip().enabled());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}

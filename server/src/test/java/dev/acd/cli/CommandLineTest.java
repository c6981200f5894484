package dev.acd.cli;

import static dev.acd.cli.AcdCli.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** The acd commands as a user runs them: arguments in, exit code and printed text out. */
class CommandLineTest {
    @Test
    void shouldSimulateADayThenReadItsJournalBackForStatsAndExplanations(@TempDir Path dir) throws IOException {
        Path journal = dir.resolve("journal");
        AcdCli.Run simulate = acd("simulate", "--hours", "24", "--seed", "11", "--date", "2026-11-23",
                "--journal", journal.toString(), "--format", "json");
        assertEquals(0, simulate.exitCode(), simulate.err());
        JsonNode report = new ObjectMapper().readTree(simulate.out());
        assertEquals("queue", report.get("grouping").asText());
        JsonNode total = report.get("rows").get(report.get("rows").size() - 1);
        assertEquals("total", total.get("key").asText());
        assertTrue(total.get("offered").asDouble() > 100, simulate.out());
        assertEquals("ratio", report.get("units").get("service_level").asText());

        AcdCli.Run stats = acd("stats", "--journal", journal.toString(), "--by", "rep", "--format", "csv",
                "--zone", "America/New_York");
        assertEquals(0, stats.exitCode(), stats.err());
        List<String> lines = stats.out().lines().toList();
        assertTrue(lines.get(0).startsWith("rep,"), lines.get(0));
        assertTrue(lines.size() > 10, "a row per rep and the totals");
        assertTrue(lines.get(lines.size() - 1).startsWith("total,"));

        AcdCli.Run byDay = acd("stats", "--journal", journal.toString(), "--by", "day", "--format", "csv");
        assertEquals(List.of("day", "2026-11-23", "total"),
                byDay.out().lines().map(l -> l.substring(0, l.indexOf(','))).toList(),
                "days are counted in the center's zone recorded in the journal, not UTC");

        AcdCli.Run byInterval = acd("stats", "--journal", journal.toString(), "--by", "interval",
                "--from", "2026-11-23T10:00", "--to", "2026-11-23T11:00", "--zone", "America/New_York");
        assertEquals(0, byInterval.exitCode(), byInterval.err());
        assertEquals(4, byInterval.out().lines().filter(l -> l.startsWith("2026-11-23T1")).count(),
                "four 15-minute intervals:\n" + byInterval.out());

        long callId = firstOfferedCall(journal);
        AcdCli.Run explain = acd("explain", "--journal", journal.toString(), Long.toString(callId));
        assertEquals(0, explain.exitCode(), explain.err());
        assertTrue(explain.out().contains("CallOffered to "), explain.out());
        assertTrue(explain.out().contains("why: "), explain.out());
        assertTrue(explain.out().contains("ranking: "), explain.out());
    }

    private static long firstOfferedCall(Path journal) {
        try (var opened = dev.acd.core.journal.Journal.open(new dev.acd.core.journal.JournalSettings(journal, 0));
             var reader = opened.readFromStart()) {
            for (var event = reader.next(); event != null; event = reader.next()) {
                if (event instanceof dev.acd.core.event.CallOffered offer) {
                    return offer.callId();
                }
            }
        }
        throw new AssertionError("no call was offered in the simulated day");
    }

    @Test
    void shouldListEveryProblemOfABrokenConfigurationWithFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                skills:
                  - id: crm
                queues:
                  - id: sales
                    wrapupSeconds: 30
                lines:
                  - id: main
                    number: "+15550100"
                    queue: nowhere
                """);
        AcdCli.Run check = acd("check-config", broken.toString());
        assertEquals(1, check.exitCode());
        List<String> problems = check.err().lines().filter(l -> l.startsWith(broken.toString() + ":")).toList();
        assertTrue(problems.size() >= 2, check.err());
        assertTrue(check.err().contains("wrapupSeconds"), "the typo is named: " + check.err());
        assertTrue(check.err().contains("nowhere"), "the unknown queue is named: " + check.err());
        assertTrue(check.err().contains(broken + ":5:"), "with its line: " + check.err());
    }

    @Test
    void shouldAcceptTheEmbeddedDefaultConfiguration(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("acd.yaml");
        copy("dev/acd/config/default/acd.yaml", yaml);
        copy("dev/acd/config/default/customers.csv", dir.resolve("customers.csv"));
        copy("dev/acd/config/default/main-menu.wav", dir.resolve("main-menu.wav"));
        AcdCli.Run check = acd("check-config", yaml.toString());
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("is valid"), check.out());
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = CommandLineTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }

    @Test
    void shouldPrintTheSoftphoneEntryWithRfc7616Hashes() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("Circle of Life\n".getBytes()));
            AcdCli.Run hash = acd("hash-password", "Mufasa", "--realm", "http-auth@example.org");
            assertEquals(0, hash.exitCode(), hash.err());
            // HA1 of the RFC 7616 section 3.9.1 example user, realm and password.
            assertTrue(hash.out().contains("md5: 3d78807defe7de2157e2b0b6573a855f"), hash.out());
            assertTrue(hash.out().startsWith("- user: Mufasa"), hash.out());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void shouldPrintAWebUserEntryWhoseHashVerifiesTheTypedPasswordWhenAskedForWeb() {
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("demo-sue\n".getBytes()));
            AcdCli.Run hash = acd("hash-password", "--web", "sue");
            assertEquals(0, hash.exitCode(), hash.err());
            assertTrue(hash.out().startsWith("- name: sue\n"), hash.out());
            String stored = hash.out().lines().filter(l -> l.startsWith("  pbkdf2: ")).findFirst().orElseThrow()
                    .substring("  pbkdf2: ".length());
            assertTrue(dev.acd.config.WebPasswords.verify("demo-sue", stored), stored);
        } finally {
            System.setIn(stdin);
        }
        AcdCli.Run both = acd("hash-password", "--web", "sue", "--realm", "acd");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--realm is for softphones"), both.err());
    }

    @Test
    void shouldSayWhatIsWrongWithBadArguments(@TempDir Path dir) {
        AcdCli.Run missing = acd("stats", "--journal", dir.resolve("absent").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("absent is not a directory"), missing.err());

        AcdCli.Run badGrouping = acd("simulate", "--hours", "1", "--by", "team", "--journal", dir.resolve("j").toString());
        assertEquals(2, badGrouping.exitCode());
        assertTrue(badGrouping.err().contains("'team' is not one of rep, queue"), badGrouping.err());

        AcdCli.Run noHours = acd("simulate", "--hours", "0", "--journal", dir.resolve("none").toString());
        assertEquals(2, noHours.exitCode());
        assertTrue(noHours.err().contains("--hours must be more than 0"), noHours.err());

        AcdCli.Run backwards = acd("stats", "--journal", dir.toString(), "--from", "2026-11-23T10:00", "--to", "2026-11-23T09:00");
        assertEquals(2, backwards.exitCode());
        assertTrue(backwards.err().contains("--from 2026-11-23T10:00 is not before --to 2026-11-23T09:00"),
                backwards.err());

        AcdCli.Run badTime = acd("stats", "--journal", dir.toString(), "--from", "yesterday");
        assertEquals(2, badTime.exitCode());
        assertTrue(badTime.err().contains("--from: cannot read 'yesterday'"), badTime.err());
    }
}

package dev.acd.cli;

import static dev.acd.cli.AcdCli.acd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.Party;
import dev.acd.core.event.QaCriterionScore;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaRating;
import dev.acd.core.event.QaScored;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.Direction;

/** {@code acd stats --qa}: QA statistics read from a journal, as a supervisor runs them. */
class StatsQaCommandTest {
    /** Monday 2026-11-23, ISO week 2026-W48. */
    private static final long MONDAY = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
    private static final long WEEK = 7 * 24 * 3_600_000L;

    private static void scoredCall(Journal journal, long at, long callId, String repId, int score, int listening) {
        journal.append(new CallArrived(at, callId, Direction.INBOUND, "sales", "+15550100", "+15550999", null));
        journal.append(new CallClassified(at, callId, null, "long-tail", 0, null, null, null, null, "sales", 1,
                List.of()));
        journal.append(new CallAnswered(at + 3_000, callId, repId));
        journal.append(new CallEnded(at + 60_000, callId, Party.CUSTOMER, "BYE"));
        journal.append(new QaScored(at + 61_000, callId, repId, "new-sales", score, false,
                List.of(new QaCriterionScore("listening", listening))));
    }

    @Test
    void shouldPrintQaColumnsByWeekAndByRep(@TempDir Path dir) throws Exception {
        Path journalDir = dir.resolve("journal");
        try (Journal journal = Journal.open(new JournalSettings(journalDir, JournalSettings.KEEP_FOREVER))) {
            scoredCall(journal, MONDAY, 1, "ann", 80, 100);
            scoredCall(journal, MONDAY + 3_600_000, 2, "bob", 50, 40);
            scoredCall(journal, MONDAY + WEEK, 3, "ann", 70, 70);
            journal.append(new QaRated(MONDAY + WEEK + 120_000, 3, "ann", "sup-1", "new-sales", 80,
                    List.of(new QaRating("listening", 5, ""))));
        }
        AcdCli.Run byWeek = acd("stats", "--journal", journalDir.toString(), "--by", "week", "--qa",
                "--format", "csv", "--zone", "UTC");
        assertEquals(0, byWeek.exitCode(), byWeek.err());
        List<String> lines = byWeek.out().lines().toList();
        assertEquals("week,qa_scored,qa_score_avg,qa_automatic_scored,qa_automatic_score_avg,qa_manual_scored,"
                + "qa_manual_score_avg,qa_reviews_requested,qa_review_rate,qa_criterion_listening", lines.get(0));
        assertEquals("2026-W48,2,65,2,65,0,,0,0,70", lines.get(1));
        assertEquals("2026-W49,2,75,1,70,1,80,0,0,85", lines.get(2));

        AcdCli.Run byRep = acd("stats", "--journal", journalDir.toString(), "--by", "rep", "--qa", "--format", "json");
        assertEquals(0, byRep.exitCode(), byRep.err());
        JsonNode rows = new ObjectMapper().readTree(byRep.out()).get("rows");
        assertEquals("ann", rows.get(0).get("key").asText());
        assertEquals(75, rows.get(0).get("qa_automatic_score_avg").asDouble(), 1e-9);
        assertEquals((100 + 70 + 100) / 3.0, rows.get(0).get("qa_criterion_listening").asDouble(), 1e-9);

        AcdCli.Run table = acd("stats", "--journal", journalDir.toString(), "--by", "rep", "--qa");
        assertEquals(0, table.exitCode(), table.err());
        String header = table.out().lines().findFirst().orElseThrow();
        assertTrue(header.matches("rep +qa_scored +qa_score_avg .* qa_criterion_listening"), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.matches("ann +3 +76\\.7 +2 +75\\.0 .*")), table.out());
    }
}

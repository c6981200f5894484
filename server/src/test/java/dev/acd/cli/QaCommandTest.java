package dev.acd.cli;

import static dev.acd.cli.AcdCli.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Party;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.recorder.wav.WavEncoding;
import dev.acd.recorder.wav.WavWriter;

/** {@code acd qa score} on a recording synthesised in the test, as a user runs it. */
class QaCommandTest {
    private static final int RATE_HZ = 8_000;

    /**
     * 20 s: the rep speaks 1-4 s and 10-13 s, the customer 5-8 s and 14-18 s; voiced bursts (a pitch and its
     * harmonics, 200 ms syllables, 60 ms gaps) over line noise at -60 dBFS.
     */
    private static Path call(Path file) throws IOException {
        int n = 20 * RATE_HZ;
        short[][] samples = new short[2][n];
        Random random = new Random(1);
        double[][] stereo = new double[2][n];
        speak(stereo[1], 1_000, 4_000, 120);
        speak(stereo[1], 10_000, 13_000, 120);
        speak(stereo[0], 5_000, 8_000, 200);
        speak(stereo[0], 14_000, 18_000, 200);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                samples[c][i] = (short) Math.round(stereo[c][i] + 33 * random.nextGaussian());
            }
        }
        try (WavWriter writer = WavWriter.create(file, WavEncoding.PCM_16, 2, RATE_HZ)) {
            writer.write(samples, 0, n);
        }
        return file;
    }

    private static void speak(double[] channel, long fromMs, long toMs, double pitchHz) {
        for (long syllable = fromMs; syllable < toMs; syllable += 260) {
            int from = (int) (syllable * RATE_HZ / 1000);
            int to = (int) (Math.min(syllable + 200, toMs) * RATE_HZ / 1000);
            for (int i = from; i < to; i++) {
                double envelope = Math.min(1, Math.min(i - from, to - i) / 80.0);
                double t = (double) i / RATE_HZ;
                double value = 0;
                for (int k = 1; k * pitchHz < 3_400; k++) {
                    value += Math.sin(2 * Math.PI * k * pitchHz * t) / k;
                }
                channel[i] += 2_500 * envelope * value;
            }
        }
    }

    @Test
    void shouldPrintEveryMeasureAndTheScoreOfARecordingAsJson(@TempDir Path dir) throws IOException {
        Path wav = call(dir.resolve("call.wav"));
        AcdCli.Run run = acd("qa", "score", wav.toString(), "--dead-air-seconds", "1.5", "--scorecard", "default");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(wav.toString(), report.get("file").asText());

        JsonNode analysis = report.get("analysis");
        assertEquals(20_000, analysis.get("durationMs").asLong());
        JsonNode talk = analysis.get("conversation");
        assertEquals(6_000, talk.get("repTalkMs").asDouble(), 100, run.out());
        assertEquals(7_000, talk.get("customerTalkMs").asDouble(), 100, run.out());
        assertEquals(1_000, talk.get("repFirstWordsMs").asDouble(), 100, run.out());
        assertEquals(1, talk.get("deadAirCount").asInt(), "only the 2 s pause (8 to 10 s) is over 1.5 s: " + run.out());
        assertEquals(4, talk.get("turnCount").asInt(), run.out());
        assertEquals(2, analysis.get("repSegments").size(), run.out());
        assertFalse(analysis.get("audio").get("oneWayAudio").asBoolean());

        JsonNode score = report.get("score");
        assertEquals("default", score.get("scorecard").asText());
        double total = score.get("total").asDouble();
        assertTrue(total > 0 && total <= 100, run.out());
        assertEquals(8, score.get("criteria").size());
        assertEquals("REP_TALK_RATIO", score.get("criteria").get(0).get("measure").asText());
        assertTrue(report.get("review").isArray(), run.out());
    }

    @Test
    void shouldRescoreTheRecordingsOfAPeriodFromTheJournalWithProgress(@TempDir Path dir) throws IOException {
        Path wav = call(dir.resolve("call.wav"));
        Path journalDir = dir.resolve("journal");
        long t = java.time.Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
        try (Journal journal = Journal.open(new JournalSettings(journalDir, JournalSettings.KEEP_FOREVER))) {
            journal.append(new CallAnswered(t, 1, "rep-ann"));
            journal.append(new RecordingReady(t + 20_000, 1, wav.toString(), 20_000));
            journal.append(new CallAnswered(t + 30_000, 2, "rep-bob"));
            journal.append(new RecordingReady(t + 50_000, 2, dir.resolve("absent.wav").toString(), 20_000));
            journal.append(new CallAnswered(t + 3_600_000, 3, "rep-cy"));
            journal.append(new RecordingReady(t + 3_620_000, 3, wav.toString(), 20_000));
        }
        AcdCli.Run run = acd("qa", "rescore", "--journal", journalDir.toString(), "--from", "2026-11-23T10:00:00Z",
                "--to", "2026-11-23T11:00:00Z", "--threads", "2");
        assertEquals(1, run.exitCode(), "one recording of the period could not be scored: " + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), "call 3 is after the period: " + run.out());
        JsonNode scored = new ObjectMapper().readTree(lines.get(0));
        assertEquals(1, scored.get("callId").asLong());
        assertEquals("rep-ann", scored.get("repId").asText());
        assertEquals("new-sales", scored.get("scorecard").asText(), "the demo configuration's default scorecard");
        assertTrue(scored.get("score").asInt() > 0, lines.get(0));
        assertTrue(run.err().contains("call 2: ") && run.err().contains("absent.wav"), run.err());
        assertTrue(run.err().contains("rescoring [" + "#".repeat(30) + "] 2/2, 1 failed"), run.err());
    }

    @Test
    void shouldScoreOnTheConfiguredDefaultScorecardAndLeaveOutCallFactsWithoutAJournal(@TempDir Path dir)
            throws IOException {
        Path wav = call(dir.resolve("call.wav"));
        AcdCli.Run run = acd("qa", "score", wav.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode score = new ObjectMapper().readTree(run.out()).get("score");
        assertEquals("new-sales", score.get("scorecard").asText());
        JsonNode ringTime = null;
        for (JsonNode c : score.get("criteria")) {
            if (c.get("measure").asText().equals("RING_TIME_S")) {
                ringTime = c;
            }
        }
        assertEquals("NaN", ringTime.get("points").asText(), "no journal, so no ring time: " + run.out());

        AcdCli.Run unknown = acd("qa", "score", wav.toString(), "--scorecard", "renewal");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--scorecard: no scorecard 'renewal'; configured: [new-sales, renewals, "
                + "partner-desk] and 'default'"), unknown.err());
    }

    @Test
    void shouldRescoreEachCallOnItsQueuesScorecardWithItsJournalFacts(@TempDir Path dir) throws IOException {
        Path wav = call(dir.resolve("call.wav"));
        Path journalDir = dir.resolve("journal");
        long t = java.time.Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
        try (Journal journal = Journal.open(new JournalSettings(journalDir, JournalSettings.KEEP_FOREVER))) {
            journal.append(new CallClassified(t, 1, null, "long-tail", 0, null, null, null, null, "renewals", 1,
                    List.of()));
            journal.append(new CallAnswered(t + 2_000, 1, "rep-ann"));
            journal.append(new CallEnded(t + 20_000, 1, Party.CUSTOMER, "BYE"));
            journal.append(new WrapUpStarted(t + 20_000, "rep-ann", 1, t + 80_000));
            journal.append(new RecordingReady(t + 20_000, 1, wav.toString(), 20_000));
            journal.append(new DispositionRecorded(t + 30_000, 1, "rep-ann", "won", 100_000, ""));
            journal.append(new WrapUpEnded(t + 40_000, "rep-ann", 1));
        }
        AcdCli.Run run = acd("qa", "rescore", "--journal", journalDir.toString(), "--from", "2026-11-23");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode scored = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
        assertEquals("renewals", scored.get("scorecard").asText(), run.out());
        assertEquals("rep-ann", scored.get("repId").asText());
    }

    @Test
    void shouldSayWhatIsWrongWithAFileItCannotScore(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "not audio at all");
        AcdCli.Run notWav = acd("qa", "score", text.toString());
        assertEquals(2, notWav.exitCode());
        assertTrue(notWav.err().contains(text + ": not a RIFF file"), notWav.err());

        AcdCli.Run missing = acd("qa", "score", dir.resolve("absent.wav").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("absent.wav: no such file"), missing.err());

        AcdCli.Run noSubcommand = acd("qa");
        assertEquals(2, noSubcommand.exitCode());
        assertTrue(noSubcommand.err().contains("score"), noSubcommand.err());
    }
}

package dev.acd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.acd.config.QaSettings;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.time.Clock;

import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.analysis.VadSettings;
import dev.acd.qa.QaWiring;
import dev.acd.recorder.qa.JournaledRecording;
import dev.acd.recorder.scorecard.QaScore;
import dev.acd.recorder.scorecard.Scorecard;
import dev.acd.recorder.scorecard.ScorecardBook;
import dev.acd.recorder.scoring.RecordingScorer;
import dev.acd.recorder.scoring.ScoredCall;
import dev.acd.report.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acd qa ...}: quality assurance of recorded calls. */
@Command(name = "qa", mixinStandardHelpOptions = true, description = "Quality assurance of recorded calls.",
        subcommands = {QaCommand.Score.class, QaCommand.Rescore.class})
final class QaCommand {
    /** {@code acd qa score FILE.wav}: analyses one stereo recording and prints every measure and the score. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Analyses one stereo WAV recording (customer left, rep right) and prints every measure, "
                    + "the speech segments found, the automatic score on a configured scorecard (criteria on call "
                    + "facts from the journal are left out) and the reasons to review the call (if any), as JSON.")
    static final class Score implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE.wav", description = "a stereo recording: 16-bit PCM, u-law or A-law, 8-48 kHz")
        Path recording;
        @Option(names = "--dead-air-seconds",
                description = "pauses with neither party speaking count as dead air from this long (default: the "
                        + "configuration's qa.deadAirSeconds)")
        Double deadAirSeconds;
        @Mixin
        ConfigOption config = new ConfigOption();
        @Option(names = "--scorecard", paramLabel = "ID", description = "a configured scorecard, or 'default' for the "
                + "built-in one (default: the configuration's qa.defaultScorecard)")
        String scorecard;

        @Override
        public Integer call() throws Exception {
            if (deadAirSeconds != null && !(deadAirSeconds > 0)) {
                throw new IllegalArgumentException("--dead-air-seconds must be more than 0, got " + deadAirSeconds);
            }
            if (!Files.isRegularFile(recording)) {
                throw new IllegalArgumentException(recording + ": no such file");
            }
            QaSettings qa = config.load().qa();
            ScorecardBook book = QaWiring.scorecards(qa);
            Scorecard card = scorecard == null ? book.fallback() : book.named(scorecard).orElseThrow(
                    () -> new IllegalArgumentException("--scorecard: no scorecard '" + scorecard + "'; configured: "
                            + qa.scorecards().stream().map(QaSettings.Scorecard::id).toList() + " and 'default'"));
            CallAnalyzer analyzer = deadAirSeconds == null ? QaWiring.analyzer(qa)
                    : new CallAnalyzer(VadSettings.DEFAULTS, Math.round(deadAirSeconds * 1000));
            CallAnalysis analysis = analyzer.analyze(recording);
            QaScore score = card.score(analysis);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("file", recording.toString());
            report.put("score", score);
            report.put("review", QaWiring.review(qa).reasons(analysis, score));
            report.put("analysis", analysis);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(json.writeValueAsString(report));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * {@code acd qa rescore --journal DIR --from ... --to ...}: scores again every recording a journal announced in a
     * period (after a scorecard change), with a progress bar on standard error and one JSON line per call on
     * standard output, in the order the workers finish.
     */
    @Command(name = "rescore", mixinStandardHelpOptions = true,
            description = "Scores again every recording announced (RecordingReady) in a journal in a period, on "
                    + "the configured scorecards (each call on its queue's or segment's) with the call's facts from the "
                    + "journal: one JSON line per call on standard output, progress on standard error.")
    static final class Rescore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        JournalOption journal = new JournalOption();
        @Option(names = "--from", description = "start: 2026-11-23, 2026-11-23T09:00 (in --zone) or an instant")
        String from;
        @Option(names = "--to", description = "end, exclusive, same forms as --from")
        String to;
        @Option(names = "--zone", description = "time zone of local times (default: the center's zone in the journal)")
        ZoneId zone;
        @Option(names = "--threads", description = "QA workers (default: one per processor)")
        Integer threads;
        @Mixin
        ConfigOption config = new ConfigOption();

        @Override
        public Integer call() throws Exception {
            int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (workers < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + workers);
            }
            QaSettings qa = config.load().qa();
            ScorecardBook book = QaWiring.scorecards(qa);
            List<JournaledRecording> pending;
            try (Journal opened = journal.open()) {
                ZoneId in = JournalOption.zone(zone, opened);
                TimeRange range = TimeArgument.range(from, to, in);
                try (JournalReader reader = opened.readFromStart()) {
                    pending = JournaledRecording.read(reader, range.fromAt(), range.toAt());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ObjectMapper json = new ObjectMapper();
            Progress progress = new Progress(err, pending.size());
            RecordingScorer scorer = new RecordingScorer(QaWiring.analyzer(qa), QaWiring.review(qa), Clock.SYSTEM,
                    workers, new RecordingScorer.Listener() {
                        @Override
                        public void scored(ScoredCall call) {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("callId", call.recording().callId());
                            line.put("repId", call.event().repId());
                            line.put("recording", call.recording().path());
                            line.put("score", call.event().score());
                            line.put("scorecard", call.event().scorecard());
                            line.put("review", call.review());
                            progress.done(out, toJson(json, line), null);
                        }

                        @Override
                        public void failed(RecordingReady recording, Exception failure) {
                            progress.done(out, null, "call " + recording.callId() + ": " + failure.getMessage());
                        }
                    });
            for (JournaledRecording p : pending) {
                scorer.submit(p.recording(), p.repId(), book.forCall(p.queueId(), p.segment()), p.facts());
            }
            scorer.close();
            progress.finish();
            return progress.failed == 0 ? 0 : 1;
        }

        private static String toJson(ObjectMapper json, Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write a result as JSON", e);
            }
        }
    }

    /** A one-line progress bar on standard error, redrawn as recordings finish; results go to standard output. */
    private static final class Progress {
        private static final int BAR_WIDTH = 30;
        private final PrintWriter err;
        private final int total;
        private int finished;
        private int failed;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
            draw();
        }

        synchronized void done(PrintWriter out, String result, String failure) {
            finished++;
            if (failure != null) {
                failed++;
                err.print("\r");
                err.println(failure);
            }
            if (result != null) {
                out.println(result);
                out.flush();
            }
            draw();
        }

        private void draw() {
            int filled = total == 0 ? BAR_WIDTH : finished * BAR_WIDTH / total;
            err.print("\rrescoring [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + finished + "/"
                    + total + (failed > 0 ? ", " + failed + " failed" : ""));
            err.flush();
        }

        synchronized void finish() {
            err.println();
            err.flush();
        }
    }
}

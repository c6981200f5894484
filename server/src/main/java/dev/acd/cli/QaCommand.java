package dev.acd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.acd.recorder.analysis.CallAnalysis;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.analysis.VadSettings;
import dev.acd.recorder.scorecard.DefaultScorecard;
import dev.acd.recorder.scorecard.QaScore;
import dev.acd.recorder.scorecard.ReviewPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acd qa ...}: quality assurance of recorded calls. */
@Command(name = "qa", mixinStandardHelpOptions = true, description = "Quality assurance of recorded calls.",
        subcommands = QaCommand.Score.class)
final class QaCommand {
    /** {@code acd qa score FILE.wav}: analyses one stereo recording and prints every measure and the score. */
    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Analyses one stereo WAV recording (customer left, rep right) and prints every measure, "
                    + "the speech segments found, the automatic score on the default scorecard and the reasons to "
                    + "review the call (if any), as JSON.")
    static final class Score implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE.wav", description = "a stereo recording: 16-bit PCM, u-law or A-law, 8-48 kHz")
        Path recording;
        @Option(names = "--dead-air-seconds", defaultValue = "5",
                description = "pauses with neither party speaking count as dead air from this long (default: ${DEFAULT-VALUE})")
        double deadAirSeconds;

        @Override
        public Integer call() throws Exception {
            if (!(deadAirSeconds > 0)) {
                throw new IllegalArgumentException("--dead-air-seconds must be more than 0, got " + deadAirSeconds);
            }
            if (!Files.isRegularFile(recording)) {
                throw new IllegalArgumentException(recording + ": no such file");
            }
            CallAnalyzer analyzer = new CallAnalyzer(VadSettings.DEFAULTS, Math.round(deadAirSeconds * 1000));
            CallAnalysis analysis = analyzer.analyze(recording);
            QaScore score = DefaultScorecard.create().score(analysis);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("file", recording.toString());
            report.put("score", score);
            report.put("review", ReviewPolicy.DEFAULTS.reasons(analysis, score));
            report.put("analysis", analysis);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(json.writeValueAsString(report));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

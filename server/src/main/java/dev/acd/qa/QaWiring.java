package dev.acd.qa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntSupplier;

import dev.acd.config.QaSettings;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.journal.Journal;
import dev.acd.core.time.Clock;
import dev.acd.recorder.analysis.CallAnalyzer;
import dev.acd.recorder.analysis.VadSettings;
import dev.acd.recorder.qa.QaService;
import dev.acd.recorder.scorecard.Band;
import dev.acd.recorder.scorecard.Criterion;
import dev.acd.recorder.scorecard.ReviewPolicy;
import dev.acd.recorder.scorecard.Scorecard;
import dev.acd.recorder.scorecard.ScorecardBook;
import dev.acd.recorder.scoring.ScoringPace;

/**
 * Turns the {@code qa:} configuration into the recorder's scorecards, review policy, analyser and QA service. The
 * configuration is validated when loaded, so what reaches here builds.
 */
public final class QaWiring {
    /** The QA checkpoint's file name, next to the journal directory. */
    public static final String CHECKPOINT_FILE = "qa-checkpoint";

    private QaWiring() {
    }

    /** The configured scorecards with the queues and segments they claim. */
    public static ScorecardBook scorecards(QaSettings qa) {
        List<ScorecardBook.Entry> entries = new ArrayList<>();
        for (QaSettings.Scorecard s : qa.scorecards()) {
            entries.add(new ScorecardBook.Entry(scorecard(s), new HashSet<>(s.queues()), new HashSet<>(s.segments())));
        }
        return new ScorecardBook(entries, qa.defaultScorecard());
    }

    static Scorecard scorecard(QaSettings.Scorecard s) {
        List<Criterion> criteria = new ArrayList<>();
        for (QaSettings.Criterion c : s.criteria()) {
            List<Band> bands = new ArrayList<>();
            for (QaSettings.Band b : c.bands()) {
                bands.add(new Band(b.from(), b.to(), b.points()));
            }
            criteria.add(new Criterion(c.name(), c.measure(), c.weight(), bands));
        }
        return new Scorecard(s.id(), criteria, s.manualCriteria(), s.manualShare(),
                s.handleTimeTargetSeconds() * 1000L);
    }

    public static ReviewPolicy review(QaSettings qa) {
        return new ReviewPolicy(qa.review().minScore(), Math.round(qa.review().deadAirSeconds() * 1000),
                qa.review().oneWayAudio());
    }

    public static CallAnalyzer analyzer(QaSettings qa) {
        return new CallAnalyzer(VadSettings.DEFAULTS, Math.round(qa.deadAirSeconds() * 1000));
    }

    /**
     * The QA service over a journal, its checkpoint saved next to the journal's directory, its workers yielding to
     * {@code liveCalls} (calls carrying audio now) as {@code qa.busyCalls} says. Not started.
     */
    public static QaService service(QaSettings qa, Journal journal, EventPublisher publisher, Clock clock,
            IntSupplier liveCalls) {
        Path dir = journal.settings().dir().toAbsolutePath();
        Path checkpoint = (dir.getParent() == null ? dir : dir.getParent()).resolve(CHECKPOINT_FILE);
        return new QaService(journal, publisher, scorecards(qa), review(qa), analyzer(qa), clock,
                new QaService.Options(qa.workers(), qa.waitForWrapUpSeconds() * 1000L, checkpoint,
                        ScoringPace.yieldingToCalls(liveCalls, qa.busyCalls(), qa.busyShare())));
    }
}

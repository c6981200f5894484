package dev.acd.config;

import java.util.List;
import java.util.Optional;

import dev.acd.core.model.QaMeasure;

/**
 * Quality assurance: how recordings are analysed and scored, which scorecard applies to which queue or segment,
 * and which calls go to the supervisors' review queue. With no scorecards configured the recorder's built-in
 * default scorecard applies to every call.
 *
 * @param workers              threads analysing recordings, off the call path
 * @param deadAirSeconds       a pause with neither party speaking counts as dead air from this long
 * @param waitForWrapUpSeconds how long after a recording is ready scoring waits for the rep's wrap-up (and
 *                             disposition) when the scorecard scores wrap-up facts
 * @param busyCalls            from how many calls carrying audio at once scoring yields to them (0: never)
 * @param busyShare            the share of a core each worker may take while it yields
 * @param defaultScorecard     the scorecard of calls no scorecard claims by queue or segment, or null for the
 *                             built-in default
 * @param review               which scored calls supervisors review
 * @param scorecards           the scorecards, in file order
 */
public record QaSettings(int workers, double deadAirSeconds, int waitForWrapUpSeconds, int busyCalls,
                         double busyShare, String defaultScorecard, Review review, List<Scorecard> scorecards) {
    public QaSettings {
        scorecards = List.copyOf(scorecards);
    }

    /** The scorecard with this id. */
    public Optional<Scorecard> scorecard(String id) {
        return scorecards.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * Review rules: a call goes to review if its automatic score is under {@code minScore}, if it has one-way audio
     * (when {@code oneWayAudio}), or if a pause inside the conversation lasts {@code deadAirSeconds} or more.
     */
    public record Review(double minScore, boolean oneWayAudio, double deadAirSeconds) {
    }

    /**
     * A scorecard: weighted criteria giving a call 0 to 100 points, and the manual criteria supervisors rate 1-5.
     *
     * @param queues                  queues whose calls it scores (a queue belongs to one scorecard at most)
     * @param segments                segments whose calls it scores when no scorecard claims the call's queue
     * @param handleTimeTargetSeconds the handle time the queues aim at, for {@code handle-time-target-ratio}
     * @param manualShare             the share (0 to 1) of supervisors' ratings in a rated call's merged score
     */
    public record Scorecard(String id, String name, List<String> queues, List<String> segments,
                            int handleTimeTargetSeconds, double manualShare, List<String> manualCriteria,
                            List<Criterion> criteria) {
        public Scorecard {
            queues = List.copyOf(queues);
            segments = List.copyOf(segments);
            manualCriteria = List.copyOf(manualCriteria);
            criteria = List.copyOf(criteria);
        }
    }

    /** One criterion: a measure, its weight, and bands mapping the measured value to points. */
    public record Criterion(String name, QaMeasure measure, double weight, List<Band> bands) {
        public Criterion {
            bands = List.copyOf(bands);
        }
    }

    /**
     * Values from {@code from} (inclusive) to {@code to} (exclusive) earn {@code points}; an open end is infinite,
     * so a band with only {@code from} is a threshold.
     */
    public record Band(double from, double to, double points) {
    }
}

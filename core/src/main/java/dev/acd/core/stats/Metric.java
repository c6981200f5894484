package dev.acd.core.stats;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A named figure of a {@link Report}, with a stable snake_case name and a unit, so a printer can show any report as
 * a table, CSV or JSON without knowing the metrics. docs/statistics.md defines each one exactly.
 */
public final class Metric {
    private static final double MS = 1000.0;

    /** Calls that arrived (inbound) or were placed (outbound). */
    public static final Metric CALLS = of("calls", MetricUnit.COUNT, "calls that arrived or were placed", a -> a.calls);
    /** Calls that reached a queue, once each; in queue rows visits (an overflow or transfer counts again there). */
    public static final Metric OFFERED = of("offered", MetricUnit.COUNT,
            "calls that reached a queue (visits in queue rows)", a -> a.offered);
    /** Calls answered by a rep after reaching a queue; visits in queue, rep and kind rows. */
    public static final Metric ANSWERED = of("answered", MetricUnit.COUNT,
            "calls answered by a rep (visits in queue, rep and kind rows)", a -> a.answered);
    /** Callers who hung up while queued or ringing, after the queue's short-abandon threshold. */
    public static final Metric ABANDONED = of("abandoned", MetricUnit.COUNT,
            "callers who hung up while waiting, short abandons excluded", a -> a.abandoned);
    /** Callers who hung up before the queue's short-abandon threshold. */
    public static final Metric SHORT_ABANDONED = of("short_abandoned", MetricUnit.COUNT,
            "callers who hung up before the short-abandon threshold", a -> a.shortAbandoned);
    /** abandoned / (offered - short_abandoned). */
    public static final Metric ABANDON_RATE = of("abandon_rate", MetricUnit.RATIO,
            "abandoned / (offered - short_abandoned)", a -> ratio(a.abandoned, a.offered - a.shortAbandoned));
    /** Callers who chose a callback instead of waiting. */
    public static final Metric CALLBACKS_REQUESTED = of("callbacks_requested", MetricUnit.COUNT,
            "callers who chose a callback instead of waiting", a -> a.callbacksRequested);
    /** Answered calls (visits, in queue rows) within the service-level target T. */
    public static final Metric ANSWERED_WITHIN_SL = of("answered_within_sl", MetricUnit.COUNT,
            "answered calls (visits in queue rows) within target T", a -> a.answeredWithinSl);
    /** The headline service level: answered within T / (offered - short abandons). */
    public static final Metric SERVICE_LEVEL = of("service_level", MetricUnit.RATIO,
            "answered within T / (offered - short_abandoned)",
            a -> ratio(a.answeredWithinSl, a.offered - a.shortAbandoned));
    /** Service level counting only answered calls: answered within T / answered. */
    public static final Metric SERVICE_LEVEL_OF_ANSWERED = of("service_level_of_answered", MetricUnit.RATIO,
            "answered within T / answered", a -> ratio(a.answeredWithinSl, a.answered));
    /** Service level counting abandons against it: answered within T / (answered + abandoned). */
    public static final Metric SERVICE_LEVEL_WITH_ABANDONED = of("service_level_with_abandoned", MetricUnit.RATIO,
            "answered within T / (answered + abandoned)",
            a -> ratio(a.answeredWithinSl, a.answered + a.abandoned));
    /** Average speed of answer: mean queue wait of answered calls (visits, in queue rows). */
    public static final Metric ASA = of("asa", MetricUnit.SECONDS,
            "mean queue wait of answered calls (visits in queue rows)",
            a -> ratio(a.waitAnsweredMs, a.answered) / MS);
    /** The longest queue wait of an answered or abandoned call (visit, in queue rows). */
    public static final Metric LONGEST_WAIT = of("longest_wait", MetricUnit.SECONDS,
            "longest queue wait of an answered or abandoned call (visit in queue rows)", a -> a.longestWaitMs / MS);
    /** Legs: inbound answers (each rep of a transferred call) and answered outbound calls. */
    public static final Metric HANDLED = of("handled", MetricUnit.COUNT,
            "calls answered by a rep, inbound and outbound", a -> a.handled);
    /** Total talk time: answer to hang-up or transfer, minus hold. */
    public static final Metric TALK_TIME = of("talk_time", MetricUnit.SECONDS,
            "answer to hang-up or transfer, minus hold", a -> a.talkMs / MS);
    /** talk_time per finished conversation. */
    public static final Metric AVG_TALK_TIME = of("avg_talk_time", MetricUnit.SECONDS,
            "talk_time per finished conversation", a -> ratio(a.talkMs, a.talked) / MS);
    /** Total time customers spent on hold. */
    public static final Metric HOLD_TIME = of("hold_time", MetricUnit.SECONDS, "time on hold", a -> a.holdMs / MS);
    /** hold_time per finished conversation (held or not). */
    public static final Metric AVG_HOLD_TIME = of("avg_hold_time", MetricUnit.SECONDS,
            "hold_time per finished conversation", a -> ratio(a.holdMs, a.talked) / MS);
    /** Total wrap-up time: WrapUpStarted to WrapUpEnded. */
    public static final Metric WRAP_TIME = of("wrap_time", MetricUnit.SECONDS,
            "wrap-up start to wrap-up end", a -> a.wrapMs / MS);
    /** wrap_time per finished wrap-up. */
    public static final Metric AVG_WRAP_TIME = of("avg_wrap_time", MetricUnit.SECONDS,
            "wrap_time per finished wrap-up", a -> ratio(a.wrapMs, a.wrapped) / MS);
    /** talk + hold + wrap. */
    public static final Metric HANDLE_TIME = of("handle_time", MetricUnit.SECONDS, "talk_time + hold_time + wrap_time",
            a -> (a.talkMs + a.holdMs + a.wrapMs) / MS);
    /** Average handle time: avg_talk_time + avg_hold_time + avg_wrap_time (= handle_time / handled once all are done). */
    public static final Metric AVG_HANDLE_TIME = of("avg_handle_time", MetricUnit.SECONDS,
            "avg_talk_time + avg_hold_time + avg_wrap_time",
            a -> (ratio(a.talkMs + a.holdMs, a.talked) + ratio(a.wrapMs, a.wrapped)) / MS);
    /** Blind transfers made by reps. */
    public static final Metric TRANSFERS = of("transfers", MetricUnit.COUNT, "calls transferred by a rep", a -> a.transfers);
    /** Times a call rang a rep. */
    public static final Metric OFFERS = of("offers", MetricUnit.COUNT, "times a call rang a rep", a -> a.offers);
    /** Offers that rang until the ring timeout. */
    public static final Metric RING_NO_ANSWER = of("ring_no_answer", MetricUnit.COUNT,
            "offers that rang until the ring timeout", a -> a.noAnswer);
    /** Offers the rep declined. */
    public static final Metric OFFERS_REJECTED = of("offers_rejected", MetricUnit.COUNT, "offers the rep declined",
            a -> a.rejected);
    /** Offers that found the rep's phone busy. */
    public static final Metric OFFERS_BUSY = of("offers_busy", MetricUnit.COUNT, "offers that found the phone busy",
            a -> a.busy);
    /** Offers that could not reach the rep's phone. */
    public static final Metric OFFERS_UNREACHABLE = of("offers_unreachable", MetricUnit.COUNT,
            "offers that could not reach the phone", a -> a.unreachable);
    /** Time reps were logged in. */
    public static final Metric LOGGED_IN_TIME = of("logged_in_time", MetricUnit.SECONDS, "time reps were logged in",
            a -> a.loggedInMs / MS);
    /** Logged-in time in a not-ready state, outside calls and wrap-ups. */
    public static final Metric NOT_READY_TIME = of("not_ready_time", MetricUnit.SECONDS,
            "logged-in time not ready, outside calls and wrap-ups", a -> a.notReadyMs / MS);
    /** logged_in_time - not_ready_time. */
    public static final Metric AVAILABLE_TIME = of("available_time", MetricUnit.SECONDS,
            "logged_in_time - not_ready_time", a -> (a.loggedInMs - a.notReadyMs) / MS);
    /** handle_time / available_time; NaN where no rep time applies (queues, segments, directions). */
    public static final Metric OCCUPANCY = of("occupancy", MetricUnit.RATIO, "handle_time / available_time",
            a -> ratio(a.talkMs + a.holdMs + a.wrapMs, a.loggedInMs - a.notReadyMs));
    /** Dispositions recorded. */
    public static final Metric DISPOSITIONS = of("dispositions", MetricUnit.COUNT, "dispositions recorded",
            a -> a.dispositions);
    /** Revenue from dispositions. */
    public static final Metric REVENUE = of("revenue", MetricUnit.CENTS, "revenue recorded in dispositions",
            a -> a.revenueCents);
    /** Calls scored for quality (automatic and manual scores each count). */
    public static final Metric QA_SCORED = of("qa_scored", MetricUnit.COUNT, "QA scores given", a -> a.qaScored);
    /** Mean QA score. */
    public static final Metric QA_SCORE_AVG = of("qa_score_avg", MetricUnit.SCORE, "mean QA score",
            a -> ratio(a.qaScoreTotal, a.qaScored));

    /** Automatic QA scores given. */
    public static final Metric QA_AUTOMATIC_SCORED = of("qa_automatic_scored", MetricUnit.COUNT,
            "automatic QA scores given", a -> a.qaAutoScored);
    /** Mean automatic QA score. */
    public static final Metric QA_AUTOMATIC_SCORE_AVG = of("qa_automatic_score_avg", MetricUnit.SCORE,
            "mean automatic QA score", a -> ratio(a.qaAutoTotal, a.qaAutoScored));
    /** Supervisors' ratings given. */
    public static final Metric QA_MANUAL_SCORED = of("qa_manual_scored", MetricUnit.COUNT,
            "supervisors' QA ratings given", a -> a.qaManualScored);
    /** Mean merged score of the calls supervisors rated. */
    public static final Metric QA_MANUAL_SCORE_AVG = of("qa_manual_score_avg", MetricUnit.SCORE,
            "mean merged QA score of the calls supervisors rated", a -> ratio(a.qaManualTotal, a.qaManualScored));
    /** Scored calls sent to the supervisors' review queue. */
    public static final Metric QA_REVIEWS_REQUESTED = of("qa_reviews_requested", MetricUnit.COUNT,
            "scored calls sent to the review queue", a -> a.qaReviewsRequested);
    /** reviews requested / automatic scores. */
    public static final Metric QA_REVIEW_RATE = of("qa_review_rate", MetricUnit.RATIO,
            "qa_reviews_requested / qa_automatic_scored", a -> ratio(a.qaReviewsRequested, a.qaAutoScored));

    /** The standard metrics, in report column order. Outcome columns follow them. */
    public static final List<Metric> STANDARD = List.of(
            CALLS, OFFERED, ANSWERED, ABANDONED, SHORT_ABANDONED, ABANDON_RATE, CALLBACKS_REQUESTED,
            ANSWERED_WITHIN_SL, SERVICE_LEVEL, SERVICE_LEVEL_OF_ANSWERED, SERVICE_LEVEL_WITH_ABANDONED,
            ASA, LONGEST_WAIT, HANDLED, TALK_TIME, AVG_TALK_TIME, HOLD_TIME, AVG_HOLD_TIME, WRAP_TIME, AVG_WRAP_TIME,
            HANDLE_TIME, AVG_HANDLE_TIME, TRANSFERS, OFFERS, RING_NO_ANSWER, OFFERS_REJECTED, OFFERS_BUSY,
            OFFERS_UNREACHABLE, LOGGED_IN_TIME, NOT_READY_TIME, AVAILABLE_TIME, OCCUPANCY, DISPOSITIONS, REVENUE,
            QA_SCORED, QA_SCORE_AVG, QA_AUTOMATIC_SCORED, QA_AUTOMATIC_SCORE_AVG, QA_MANUAL_SCORED, QA_MANUAL_SCORE_AVG,
            QA_REVIEWS_REQUESTED, QA_REVIEW_RATE);

    /** The QA metrics, for a report about quality; criterion columns ({@code qa_criterion_<name>}) follow them. */
    public static final List<Metric> QA = List.of(QA_SCORED, QA_SCORE_AVG, QA_AUTOMATIC_SCORED, QA_AUTOMATIC_SCORE_AVG,
            QA_MANUAL_SCORED, QA_MANUAL_SCORE_AVG, QA_REVIEWS_REQUESTED, QA_REVIEW_RATE);

    /** Prefix of the per-criterion mean QA points columns. */
    public static final String QA_CRITERION_PREFIX = "qa_criterion_";

    /** Prefix of the per-outcome disposition count columns. */
    public static final String OUTCOME_PREFIX = "outcome_";

    private final String name;
    private final MetricUnit unit;
    private final String description;
    private final ToDoubleFunction<Accumulator> extractor;

    private Metric(String name, MetricUnit unit, String description, ToDoubleFunction<Accumulator> extractor) {
        this.name = name;
        this.unit = unit;
        this.description = description;
        this.extractor = extractor;
    }

    private static Metric of(String name, MetricUnit unit, String description, ToDoubleFunction<Accumulator> extractor) {
        return new Metric(name, unit, description, extractor);
    }

    /**
     * The count of dispositions with this outcome code, named {@code outcome_} plus the code in snake_case
     * (lower case, every run of characters other than a-z and 0-9 becomes one '_'): "quote-sent" gives
     * {@code outcome_quote_sent}. Codes that give the same name share the column.
     */
    public static Metric outcome(String code) {
        String name = outcomeName(code);
        return new Metric(name, MetricUnit.COUNT, "dispositions with outcome " + code, a -> a.outcomeCount(name));
    }

    /** The column of an outcome metric name already in snake_case form. */
    static Metric outcomeColumn(String metricName) {
        return new Metric(metricName, MetricUnit.COUNT, "dispositions with outcome "
                + metricName.substring(OUTCOME_PREFIX.length()), a -> a.outcomeCount(metricName));
    }

    /**
     * The mean points (0 to 100) a scorecard criterion gave, automatic criteria and supervisors' ratings alike (a
     * rating of 1 to 5 counts as 0, 25, 50, 75 or 100 points), named {@code qa_criterion_} plus the criterion in
     * snake_case: "dead air" gives {@code qa_criterion_dead_air}.
     */
    public static Metric qaCriterion(String criterion) {
        return qaCriterionColumn(qaCriterionName(criterion));
    }

    static Metric qaCriterionColumn(String metricName) {
        return new Metric(metricName, MetricUnit.SCORE, "mean QA points of criterion "
                + metricName.substring(QA_CRITERION_PREFIX.length()), a -> a.qaCriterionMean(metricName));
    }

    static String qaCriterionName(String criterion) {
        return snakeName(QA_CRITERION_PREFIX, criterion);
    }

    static String outcomeName(String code) {
        return snakeName(OUTCOME_PREFIX, code);
    }

    private static String snakeName(String prefix, String code) {
        String lower = code == null ? "" : code.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(prefix.length() + lower.length()).append(prefix);
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && b.length() > prefix.length()) {
                    b.append('_');
                }
                b.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        if (b.length() == prefix.length()) {
            b.append("none");
        }
        return b.toString();
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    /** The stable snake_case name, e.g. {@code service_level}. */
    public String name() {
        return name;
    }

    public MetricUnit unit() {
        return unit;
    }

    /** A one-line definition, fit for a column tooltip or a CSV header comment. */
    public String description() {
        return description;
    }

    double valueOf(Accumulator accumulator) {
        return extractor.applyAsDouble(accumulator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && m.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return name + " (" + unit.label() + ")";
    }
}

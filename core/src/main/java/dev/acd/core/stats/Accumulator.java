package dev.acd.core.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Running sums for one group in one 15-minute interval. Primitive fields so that a contribution is an increment;
 * durations in milliseconds. Single writer: the thread that feeds the projection.
 */
final class Accumulator {
    long calls;
    long offered;
    long answered;
    long answeredWithinSl;
    long waitAnsweredMs;
    long longestWaitMs;
    long abandoned;
    long shortAbandoned;
    long callbacksRequested;
    long handled;
    long talked;
    long talkMs;
    long holdMs;
    long wrapped;
    long wrapMs;
    long transfers;
    long offers;
    long noAnswer;
    long rejected;
    long busy;
    long unreachable;
    long loggedInMs;
    long notReadyMs;
    long dispositions;
    long revenueCents;
    long qaScored;
    long qaScoreTotal;
    long qaAutoScored;
    long qaAutoTotal;
    long qaManualScored;
    long qaManualTotal;
    long qaReviewsRequested;
    /** QA points by criterion metric name ({@code qa_criterion_<name>}): {sum, count}; null until the first. */
    Map<String, long[]> qaCriteria;
    /** Disposition counts by outcome metric name ({@code outcome_<code>}); null until the first disposition. */
    Map<String, long[]> outcomes;

    void seenWait(long waitMs) {
        if (waitMs > longestWaitMs) {
            longestWaitMs = waitMs;
        }
    }

    /** Counts an answer after a wait of {@code waitMs}, within the service level if at most {@code serviceLevelMs}. */
    void answer(long waitMs, long serviceLevelMs) {
        answered++;
        waitAnsweredMs += waitMs;
        seenWait(waitMs);
        if (waitMs <= serviceLevelMs) {
            answeredWithinSl++;
        }
    }

    /** Counts an abandon after a wait of {@code waitMs}: short if under {@code shortAbandonMs}. */
    void abandon(long waitMs, long shortAbandonMs) {
        if (waitMs < shortAbandonMs) {
            shortAbandoned++;
        } else {
            abandoned++;
        }
        seenWait(waitMs);
    }

    void outcome(String metricName) {
        if (outcomes == null) {
            outcomes = new HashMap<>(4);
        }
        outcomes.computeIfAbsent(metricName, k -> new long[1])[0]++;
    }

    long outcomeCount(String metricName) {
        if (outcomes == null) {
            return 0;
        }
        long[] count = outcomes.get(metricName);
        return count == null ? 0 : count[0];
    }

    void qaCriterion(String metricName, long points) {
        if (qaCriteria == null) {
            qaCriteria = new HashMap<>(8);
        }
        long[] sumAndCount = qaCriteria.computeIfAbsent(metricName, k -> new long[2]);
        sumAndCount[0] += points;
        sumAndCount[1]++;
    }

    /** Mean points of a criterion, NaN when it was never scored here. */
    double qaCriterionMean(String metricName) {
        long[] sumAndCount = qaCriteria == null ? null : qaCriteria.get(metricName);
        return sumAndCount == null || sumAndCount[1] == 0 ? Double.NaN : (double) sumAndCount[0] / sumAndCount[1];
    }

    /** Adds another group's sums into this one. */
    void add(Accumulator o) {
        calls += o.calls;
        offered += o.offered;
        answered += o.answered;
        answeredWithinSl += o.answeredWithinSl;
        waitAnsweredMs += o.waitAnsweredMs;
        longestWaitMs = Math.max(longestWaitMs, o.longestWaitMs);
        abandoned += o.abandoned;
        shortAbandoned += o.shortAbandoned;
        callbacksRequested += o.callbacksRequested;
        handled += o.handled;
        talked += o.talked;
        talkMs += o.talkMs;
        holdMs += o.holdMs;
        wrapped += o.wrapped;
        wrapMs += o.wrapMs;
        transfers += o.transfers;
        offers += o.offers;
        noAnswer += o.noAnswer;
        rejected += o.rejected;
        busy += o.busy;
        unreachable += o.unreachable;
        loggedInMs += o.loggedInMs;
        notReadyMs += o.notReadyMs;
        dispositions += o.dispositions;
        revenueCents += o.revenueCents;
        qaScored += o.qaScored;
        qaScoreTotal += o.qaScoreTotal;
        qaAutoScored += o.qaAutoScored;
        qaAutoTotal += o.qaAutoTotal;
        qaManualScored += o.qaManualScored;
        qaManualTotal += o.qaManualTotal;
        qaReviewsRequested += o.qaReviewsRequested;
        if (o.qaCriteria != null) {
            for (Map.Entry<String, long[]> e : o.qaCriteria.entrySet()) {
                if (qaCriteria == null) {
                    qaCriteria = new HashMap<>(8);
                }
                long[] into = qaCriteria.computeIfAbsent(e.getKey(), k -> new long[2]);
                into[0] += e.getValue()[0];
                into[1] += e.getValue()[1];
            }
        }
        if (o.outcomes != null) {
            for (Map.Entry<String, long[]> e : o.outcomes.entrySet()) {
                if (outcomes == null) {
                    outcomes = new HashMap<>(4);
                }
                outcomes.computeIfAbsent(e.getKey(), k -> new long[1])[0] += e.getValue()[0];
            }
        }
    }
}

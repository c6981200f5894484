package dev.acd.recorder.scorecard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.acd.recorder.analysis.CallAnalysis;

/**
 * Weighted criteria scoring a call from 0 to 100: each criterion's points (0 to 100) weighted by its share of the
 * total weight of the criteria that could be measured. Supervisors rate {@code manualCriteria} 1 to 5 on top, and
 * their ratings make {@code manualShare} (0 to 1) of a rated call's merged score. Refused on construction, with
 * the reason, when it has no criteria or two share a name.
 *
 * @param handleTargetMs the handle time the scorecard's calls aim at, 0 for none
 */
public record Scorecard(String name, List<Criterion> criteria, List<String> manualCriteria, double manualShare,
                        long handleTargetMs) {
    /** What supervisors rate when a scorecard does not say. */
    public static final List<String> DEFAULT_MANUAL_CRITERIA = List.of("product-knowledge", "technical-knowledge",
            "communication-skills", "problem-solving");

    public Scorecard {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scorecard needs a name");
        }
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("scorecard '" + name + "': no criteria");
        }
        criteria = List.copyOf(criteria);
        manualCriteria = List.copyOf(manualCriteria);
        Set<String> names = new HashSet<>();
        for (Criterion c : criteria) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("scorecard '" + name + "': criterion '" + c.name()
                        + "' appears twice");
            }
        }
        if (new HashSet<>(manualCriteria).size() != manualCriteria.size()) {
            throw new IllegalArgumentException("scorecard '" + name + "': a manual criterion appears twice in "
                    + manualCriteria);
        }
        if (!(manualShare >= 0 && manualShare <= 1)) {
            throw new IllegalArgumentException("scorecard '" + name + "': manual share " + manualShare
                    + " is not from 0 to 1");
        }
    }

    /** A scorecard with the default manual criteria, half the merged score manual, and no handle-time target. */
    public Scorecard(String name, List<Criterion> criteria) {
        this(name, criteria, DEFAULT_MANUAL_CRITERIA, MergedScore.DEFAULT_MANUAL_SHARE, 0);
    }

    /** Scores an analysed call without journal facts: criteria on call facts are left out. */
    public QaScore score(CallAnalysis analysis) {
        return score(analysis, CallFacts.NONE);
    }

    /** Scores an analysed call with what the journal says about it. */
    public QaScore score(CallAnalysis analysis, CallFacts facts) {
        CallFacts withTarget = facts.withHandleTarget(handleTargetMs);
        double[] values = new double[criteria.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Measures.of(criteria.get(i).measure(), analysis, withTarget);
        }
        return score(values);
    }

    /** Whether some criterion scores a fact known only once the rep's wrap-up is over. */
    public boolean needsWrapUp() {
        return criteria.stream().anyMatch(c -> Measures.needsWrapUp(c.measure()));
    }

    /** Scores measured values given in the order of the criteria; NaN values are left out of the total. */
    public QaScore score(double... values) {
        if (values.length != criteria.size()) {
            throw new IllegalArgumentException("scorecard '" + name + "' has " + criteria.size()
                    + " criteria, got " + values.length + " values");
        }
        List<CriterionScore> parts = new ArrayList<>(criteria.size());
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < values.length; i++) {
            Criterion c = criteria.get(i);
            double points = Double.isNaN(values[i]) ? Double.NaN : c.points(values[i]);
            parts.add(new CriterionScore(c.name(), c.measure(), values[i], points, c.weight()));
            if (!Double.isNaN(points)) {
                weighted += points * c.weight();
                weights += c.weight();
            }
        }
        return new QaScore(name, weights == 0 ? 0 : weighted / weights, parts);
    }
}

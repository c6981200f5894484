package dev.acd.recorder.scorecard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.acd.recorder.analysis.CallAnalysis;

/**
 * Weighted criteria scoring a call from 0 to 100: each criterion's points (0 to 100) weighted by its share of the
 * total weight. Refused on construction, with the reason, when it has no criteria or two share a name.
 */
public record Scorecard(String name, List<Criterion> criteria) {
    public Scorecard {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scorecard needs a name");
        }
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("scorecard '" + name + "': no criteria");
        }
        criteria = List.copyOf(criteria);
        Set<String> names = new HashSet<>();
        for (Criterion c : criteria) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("scorecard '" + name + "': criterion '" + c.name()
                        + "' appears twice");
            }
        }
    }

    /** Scores an analysed call. */
    public QaScore score(CallAnalysis analysis) {
        double[] values = new double[criteria.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = criteria.get(i).measure().of(analysis);
        }
        return score(values);
    }

    /** Scores measured values given in the order of the criteria. */
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
            double points = c.points(values[i]);
            parts.add(new CriterionScore(c.name(), c.measure(), values[i], points, c.weight()));
            weighted += points * c.weight();
            weights += c.weight();
        }
        return new QaScore(name, weighted / weights, parts);
    }
}

package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.acd.config.DailyProfile;
import dev.acd.config.Distribution;
import dev.acd.config.Setting;
import dev.acd.config.SimulationSettings;

/** Reads the simulator's settings; lines and outcomes it names are checked against the rest of the file. */
final class SimulationSection {
    /** Shares of the disposition mix may miss 1 by this much, for rounding. */
    private static final double SHARE_TOLERANCE = 0.001;

    private final YamlMap top;
    private final Problems problems;
    private final References refs;
    private final List<String> outcomes;

    SimulationSection(YamlMap top, References refs, List<String> outcomes) {
        this.top = top;
        this.problems = top.problems();
        this.refs = refs;
        this.outcomes = outcomes;
    }

    SimulationSettings read() {
        YamlMap m = top.section(SIMULATION, "simulation");
        if (m == null) {
            m = top.emptySection("simulation", "simulation");
        }
        Map<String, Double> arrivals = new LinkedHashMap<>();
        for (YamlMap.Entry entry : m.entries(SIM_ARRIVALS)) {
            refs.expect("line", entry.key(), entry.keyWhere());
            Double rate = m.decimal(entry.value(), entry.valueWhere(), "a number of calls per hour >= 0", 0.0, null);
            arrivals.put(entry.key(), rate == null ? 0 : rate);
        }
        double noAnswer = m.decimal(SIM_NO_ANSWER_PROBABILITY);
        double reject = m.decimal(SIM_REJECT_PROBABILITY);
        if (noAnswer + reject > 1) {
            problems.add(m.at(SIM_REJECT_PROBABILITY), "noAnswerProbability and rejectProbability add up to more than 1");
        }
        LocalTime shiftStart = m.time(SIM_SHIFT_START);
        LocalTime shiftEnd = m.time(SIM_SHIFT_END);
        if (shiftStart != null && shiftEnd != null && !shiftEnd.isAfter(shiftStart)) {
            problems.add(m.at(SIM_SHIFT_END), "shiftEnd must be after shiftStart (" + shiftStart + ")");
        }
        return new SimulationSettings(m.wholeLong(SIM_SEED), arrivals, profile(m),
                distribution(m, SIM_TALK_TIME), distribution(m, SIM_WRAP_TIME), m.decimal(SIM_HOLD_PROBABILITY),
                m.decimal(SIM_MEAN_HOLD_SECONDS), distribution(m, SIM_ANSWER_DELAY), noAnswer, reject,
                m.whole(SIM_BREAKS_PER_REP), m.decimal(SIM_BREAK_MEAN_SECONDS), m.decimal(SIM_PATIENCE_MEAN_SECONDS),
                dispositionMix(m), revenueMeans(m),
                shiftStart == null ? LocalTime.of(8, 0) : shiftStart, shiftEnd == null ? LocalTime.of(18, 0) : shiftEnd);
    }

    private DailyProfile profile(YamlMap m) {
        Node value = m.value(SIM_DAILY_PROFILE);
        if (value == null) {
            return DailyProfile.BUSINESS_DAY;
        }
        Where where = m.at(SIM_DAILY_PROFILE);
        if (value instanceof SequenceNode) {
            List<Double> weights = new ArrayList<>();
            for (YamlMap.Item item : m.list(SIM_DAILY_PROFILE)) {
                Double weight = m.decimal(item.node(), item.where(), "an hourly weight >= 0", 0.0, null);
                weights.add(weight == null ? 0 : weight);
            }
            if (weights.size() != DailyProfile.HOURS) {
                problems.add(where, "expected 24 hourly weights (hour 0 first), got " + weights.size());
                return DailyProfile.BUSINESS_DAY;
            }
            if (weights.stream().allMatch(w -> w == 0)) {
                problems.add(where, "every hourly weight is 0, so no calls would arrive");
            }
            return new DailyProfile("custom", weights);
        }
        List<String> names = DailyProfile.NAMED.stream().map(DailyProfile::name).collect(Collectors.toList());
        String name = m.scalar(value, where, "a curve name or a list of 24 weights");
        for (DailyProfile profile : DailyProfile.NAMED) {
            if (profile.name().equals(name)) {
                return profile;
            }
        }
        if (name != null) {
            problems.add(where, "expected one of " + String.join(", ", names) + " or a list of 24 hourly weights, got '"
                    + name + "'" + Names.suggestion(name, names));
        }
        return DailyProfile.BUSINESS_DAY;
    }

    private Distribution distribution(YamlMap parent, Setting setting) {
        Distribution fallback = (Distribution) setting.defaultValue();
        if (!parent.has(setting)) {
            return fallback;
        }
        YamlMap m = parent.section(setting, "simulation.<distribution>");
        if (m == null) {
            return fallback;
        }
        Distribution.Kind kind = m.choice(DIST_KIND, Distribution.Kind.class);
        double mean = m.decimal(DIST_MEAN);
        if (kind != null && kind != Distribution.Kind.FIXED && m.has(DIST_MEAN) && mean <= 0) {
            problems.add(m.at(DIST_MEAN), "expected a mean > 0 seconds for a " + kind.name().toLowerCase(Locale.ROOT)
                    + " distribution, got " + Setting.number(mean));
        }
        double sigma = m.decimal(DIST_SIGMA);
        if (kind == Distribution.Kind.LOGNORMAL && !m.has(DIST_SIGMA)) {
            problems.add(m.at(DIST_SIGMA), "a lognormal distribution needs sigma (its shape, e.g. 0.7)");
        } else if (kind != null && kind != Distribution.Kind.LOGNORMAL && m.has(DIST_SIGMA)) {
            problems.add(m.at(DIST_SIGMA), "sigma only applies to lognormal distributions; this one is "
                    + kind.name().toLowerCase(Locale.ROOT));
        }
        return new Distribution(kind == null ? fallback.kind() : kind, mean, kind == Distribution.Kind.LOGNORMAL ? sigma : 0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Double> dispositionMix(YamlMap m) {
        if (!m.has(SIM_DISPOSITION_MIX)) {
            Map<String, Double> fallback = (Map<String, Double>) SIM_DISPOSITION_MIX.defaultValue();
            if (outcomes.containsAll(fallback.keySet())) {
                return fallback;
            }
            // Outcomes of one's own and no mix: spread handled calls evenly over them.
            Map<String, Double> even = new LinkedHashMap<>();
            outcomes.forEach(o -> even.put(o, 1.0 / outcomes.size()));
            return even;
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        double sum = 0;
        for (YamlMap.Entry entry : m.entries(SIM_DISPOSITION_MIX)) {
            refs.expect("outcome", entry.key(), entry.keyWhere());
            Double share = m.decimal(entry.value(), entry.valueWhere(), "a probability from 0 to 1", 0.0, 1.0);
            if (share != null) {
                mix.put(entry.key(), share);
                sum += share;
            }
        }
        if (!mix.isEmpty() && Math.abs(sum - 1) > SHARE_TOLERANCE) {
            problems.add(m.at(SIM_DISPOSITION_MIX), "the shares add up to " + Setting.number(Math.round(sum * 1000) / 1000.0) + ", expected 1");
        }
        return mix;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Double> revenueMeans(YamlMap m) {
        if (!m.has(SIM_REVENUE_MEANS)) {
            Map<String, Double> fallback = new LinkedHashMap<>((Map<String, Double>) SIM_REVENUE_MEANS.defaultValue());
            fallback.keySet().retainAll(outcomes);
            return fallback;
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (YamlMap.Entry entry : m.entries(SIM_REVENUE_MEANS)) {
            refs.expect("outcome", entry.key(), entry.keyWhere());
            Double mean = m.decimal(entry.value(), entry.valueWhere(), "an amount of currency units >= 0", 0.0, null);
            means.put(entry.key(), mean == null ? 0 : mean);
        }
        return means;
    }
}

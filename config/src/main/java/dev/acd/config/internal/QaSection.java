package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.acd.config.QaSettings;
import dev.acd.config.Setting;
import dev.acd.core.model.QaMeasure;

/**
 * Reads the {@code qa:} section: scorecards with their criteria and bands, review rules, workers. Queues and
 * segments a scorecard names are checked against the rest of the file; a queue or segment claimed by two
 * scorecards, a criterion without bands or with bands out of order, and a weight of 0 are refused.
 */
final class QaSection {
    private final YamlMap top;
    private final Problems problems;
    private final References refs;

    QaSection(YamlMap top, References refs) {
        this.top = top;
        this.problems = top.problems();
        this.refs = refs;
    }

    QaSettings read() {
        YamlMap m = top.section(QA, "qa");
        if (m == null) {
            m = top.emptySection("qa", "qa");
        }
        String defaultScorecard = m.id(QA_DEFAULT_SCORECARD);
        refs.expect("scorecard", defaultScorecard, m.at(QA_DEFAULT_SCORECARD));
        YamlMap r = m.section(QA_REVIEW, "qa.review");
        if (r == null) {
            r = m.emptySection(m.child("review"), "qa.review");
        }
        QaSettings.Review review = new QaSettings.Review(r.decimal(QA_REVIEW_MIN_SCORE),
                r.bool(QA_REVIEW_ONE_WAY_AUDIO), r.decimal(QA_REVIEW_DEAD_AIR_SECONDS));
        List<QaSettings.Scorecard> scorecards = new ArrayList<>();
        Map<String, Claim> queueClaims = new HashMap<>();
        Map<String, Claim> segmentClaims = new HashMap<>();
        for (YamlMap s : m.maps(QA_SCORECARDS, "qa.scorecards[]")) {
            QaSettings.Scorecard scorecard = scorecard(s, queueClaims, segmentClaims);
            if (scorecard != null) {
                scorecards.add(scorecard);
            }
        }
        return new QaSettings(m.whole(QA_WORKERS), m.decimal(QA_DEAD_AIR_SECONDS), m.whole(QA_WAIT_FOR_WRAP_UP_SECONDS),
                m.whole(QA_BUSY_CALLS), m.decimal(QA_BUSY_SHARE), defaultScorecard, review, scorecards);
    }

    private record Claim(String scorecard, Where where) {
    }

    private QaSettings.Scorecard scorecard(YamlMap s, Map<String, Claim> queueClaims, Map<String, Claim> segmentClaims) {
        String id = s.id(SCORECARD_ID);
        refs.define("scorecard", id, s.at(SCORECARD_ID));
        String name = s.text(SCORECARD_NAME);
        List<String> queues = claims(s, SCORECARD_QUEUES, "queue", id, queueClaims);
        List<String> segments = claims(s, SCORECARD_SEGMENTS, "segment", id, segmentClaims);
        List<String> manual = new ArrayList<>();
        if (s.has(SCORECARD_MANUAL_CRITERIA)) {
            Map<String, Where> seen = new HashMap<>();
            for (YamlMap.Item item : s.list(SCORECARD_MANUAL_CRITERIA)) {
                String criterion = s.id(item.node(), item.where());
                if (criterion == null) {
                    continue;
                }
                Where first = seen.putIfAbsent(criterion, item.where());
                if (first != null) {
                    problems.add(item.where(), "manual criterion '" + criterion + "' is listed twice (first at line "
                            + first.line() + ")");
                } else {
                    manual.add(criterion);
                }
            }
        } else {
            @SuppressWarnings("unchecked")
            List<String> defaults = (List<String>) SCORECARD_MANUAL_CRITERIA.defaultValue();
            manual.addAll(defaults);
        }
        List<QaSettings.Criterion> criteria = new ArrayList<>();
        Map<String, Where> criterionNames = new HashMap<>();
        List<YamlMap> criterionMaps = s.maps(SCORECARD_CRITERIA, "qa.scorecards[].criteria[]");
        if (isEmptyList(s.value(SCORECARD_CRITERIA))) {
            problems.add(s.at(SCORECARD_CRITERIA), "a scorecard needs at least one criterion");
        }
        for (YamlMap c : criterionMaps) {
            QaSettings.Criterion criterion = criterion(c);
            if (criterion == null) {
                continue;
            }
            Where first = criterionNames.putIfAbsent(criterion.name(), c.at(CRITERION_NAME));
            if (first != null) {
                problems.add(c.at(CRITERION_NAME), "duplicate criterion '" + criterion.name() + "' in scorecard '"
                        + id + "' (first at line " + first.line() + ")");
            } else {
                criteria.add(criterion);
            }
        }
        if (id == null) {
            return null;
        }
        return new QaSettings.Scorecard(id, name == null ? id : name, queues, segments,
                s.whole(SCORECARD_HANDLE_TIME_TARGET), s.decimal(SCORECARD_MANUAL_SHARE), manual, criteria);
    }

    private List<String> claims(YamlMap s, Setting setting, String kind, String scorecard, Map<String, Claim> claims) {
        List<String> ids = new ArrayList<>();
        for (YamlMap.Item item : s.list(setting)) {
            String id = s.id(item.node(), item.where());
            if (id == null) {
                continue;
            }
            refs.expect(kind, id, item.where());
            Claim first = claims.putIfAbsent(id, new Claim(scorecard, item.where()));
            if (first != null) {
                problems.add(item.where(), "the " + kind + " '" + id + "' already has scorecard '" + first.scorecard()
                        + "' (line " + first.where().line() + "); a " + kind + " takes one scorecard");
            } else {
                ids.add(id);
            }
        }
        return ids;
    }

    private QaSettings.Criterion criterion(YamlMap c) {
        String name = c.text(CRITERION_NAME);
        if (name != null && name.isBlank()) {
            problems.add(c.at(CRITERION_NAME), "expected a criterion name, got nothing");
            name = null;
        }
        QaMeasure measure = measure(c);
        double weight = c.decimal(CRITERION_WEIGHT);
        if (c.has(CRITERION_WEIGHT) && weight == 0) {
            problems.add(c.at(CRITERION_WEIGHT), "expected a weight above 0, got 0; leave the criterion out instead");
        }
        List<QaSettings.Band> bands = new ArrayList<>();
        List<YamlMap> bandMaps = c.maps(CRITERION_BANDS, "qa.scorecards[].criteria[].bands[]");
        if (isEmptyList(c.value(CRITERION_BANDS))) {
            problems.add(c.at(CRITERION_BANDS), "a criterion needs at least one band, e.g. { from: 0, to: 5, points: 100 }");
        }
        QaSettings.Band previous = null;
        for (YamlMap b : bandMaps) {
            double from = b.has(BAND_FROM) ? b.decimal(BAND_FROM) : Double.NEGATIVE_INFINITY;
            double to = b.has(BAND_TO) ? b.decimal(BAND_TO) : Double.POSITIVE_INFINITY;
            double points = b.decimal(BAND_POINTS);
            QaSettings.Band band = new QaSettings.Band(from, to, points);
            if (!(from < to)) {
                problems.add(b.at(BAND_TO), "the band ends at " + bound(to) + ", which is not above its start "
                        + bound(from));
                continue;
            }
            if (previous != null && from < previous.to()) {
                problems.add(b.self(), "the band " + describe(band) + " overlaps or comes before the band before it "
                        + describe(previous) + "; list bands in ascending order without overlap");
                continue;
            }
            bands.add(band);
            previous = band;
        }
        if (name == null || measure == null) {
            return null;
        }
        return new QaSettings.Criterion(name, measure, weight, bands);
    }

    private QaMeasure measure(YamlMap c) {
        if (c.value(CRITERION_MEASURE) == null) {
            return null;
        }
        String text = c.scalar(c.value(CRITERION_MEASURE), c.at(CRITERION_MEASURE), CRITERION_MEASURE.expectation());
        if (text == null) {
            return null;
        }
        String normal = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (QaMeasure measure : QaMeasure.values()) {
            if (measure.configName().equals(normal)) {
                return measure;
            }
        }
        String hint = Names.suggestion(normal, CRITERION_MEASURE.choices());
        problems.add(c.at(CRITERION_MEASURE), "unknown measure '" + text + "'"
                + (hint.isEmpty() ? "; known: " + String.join(", ", CRITERION_MEASURE.choices()) : hint));
        return null;
    }

    private static boolean isEmptyList(Node value) {
        return value instanceof SequenceNode list && list.getValue().isEmpty();
    }

    private static String describe(QaSettings.Band band) {
        return "[" + bound(band.from()) + ", " + bound(band.to()) + ")";
    }

    private static String bound(double value) {
        return Double.isInfinite(value) ? (value > 0 ? "no upper limit" : "no lower limit") : Setting.number(value);
    }
}

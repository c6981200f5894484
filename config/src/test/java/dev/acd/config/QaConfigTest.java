package dev.acd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.model.QaMeasure;

class QaConfigTest {
    /** The smallest routing part that loads; the qa section under test is appended. */
    private static final String ROUTING = String.join("\n",
            "routing:",
            "  defaultSegment: smb",
            "skills:",
            "  - id: crm",
            "segments:",
            "  - { id: smb, homeTeams: [inside] }",
            "  - { id: enterprise, homeTeams: [inside] }",
            "queues:",
            "  - id: sales",
            "    tiers: [{ name: anyone, scope: SKILLED }]",
            "  - id: renewals",
            "    tiers: [{ name: anyone, scope: SKILLED }]",
            "lines:",
            "  - { id: main, number: \"+1 555 0100\", queue: sales }",
            "reps:",
            "  - { id: anna, team: inside }",
            "");

    private static final String QA = String.join("\n",
            "qa:",
            "  workers: 3",
            "  defaultScorecard: sales-card",
            "  review: { minScore: 55, deadAirSeconds: 20 }",
            "  scorecards:",
            "    - id: sales-card",
            "      queues: [sales]",
            "      segments: [smb]",
            "      criteria:",
            "        - name: listening",
            "          measure: rep-talk-ratio",
            "          weight: 20",
            "          bands:",
            "            - { to: 0.3, points: 50 }",
            "            - { from: 0.3, to: 0.6, points: 100 }",
            "            - { from: 0.6, points: 20 }",
            "    - id: renewal-card",
            "      queues: [renewals]",
            "      manualShare: 0.3",
            "      manualCriteria: [product-knowledge, empathy]",
            "      criteria:",
            "        - { name: hold, measure: HOLD_TIME_S, weight: 5, bands: [{ to: 30, points: 100 }] }",
            "");

    @TempDir
    Path dir;

    @Test
    void shouldReadScorecardsWithOpenEndedBandsAndFillDefaults() throws Exception {
        QaSettings qa = ConfigLoader.load(write(ROUTING + QA)).qa();
        assertEquals(3, qa.workers());
        assertEquals(5.0, qa.deadAirSeconds());
        assertEquals("sales-card", qa.defaultScorecard());
        assertEquals(new QaSettings.Review(55, true, 20), qa.review());
        QaSettings.Scorecard sales = qa.scorecard("sales-card").orElseThrow();
        assertEquals(List.of("sales"), sales.queues());
        assertEquals(List.of("smb"), sales.segments());
        assertEquals(0.5, sales.manualShare());
        assertEquals(List.of("product-knowledge", "technical-knowledge", "communication-skills", "problem-solving"),
                sales.manualCriteria());
        QaSettings.Criterion listening = sales.criteria().get(0);
        assertEquals(QaMeasure.REP_TALK_RATIO, listening.measure());
        assertEquals(List.of(new QaSettings.Band(Double.NEGATIVE_INFINITY, 0.3, 50), new QaSettings.Band(0.3, 0.6, 100),
                new QaSettings.Band(0.6, Double.POSITIVE_INFINITY, 20)), listening.bands());
        QaSettings.Scorecard renewals = qa.scorecard("renewal-card").orElseThrow();
        assertEquals(QaMeasure.HOLD_TIME_S, renewals.criteria().get(0).measure(), "enum spelling is accepted too");
        assertEquals(List.of("product-knowledge", "empathy"), renewals.manualCriteria());
        assertEquals(0.3, renewals.manualShare());
    }

    @Test
    void shouldHaveNoScorecardsWithoutAQaSectionSoTheBuiltInOneApplies() throws Exception {
        QaSettings qa = ConfigLoader.load(write(ROUTING)).qa();
        assertTrue(qa.scorecards().isEmpty());
        assertNull(qa.defaultScorecard());
        assertEquals(new QaSettings.Review(60, true, 15), qa.review());
        assertEquals(100, qa.busyCalls(), "scoring yields to 100 calls with audio by default");
        assertEquals(0.25, qa.busyShare());
    }

    @Test
    void shouldReadHowScoringYieldsToCallsAndRefuseAShareAboveAWholeCore() throws Exception {
        QaSettings qa = ConfigLoader.load(write(ROUTING + QA.replace("  workers: 3", "  workers: 3\n  busyCalls: 0")))
                .qa();
        assertEquals(0, qa.busyCalls());

        ConfigProblem problem = single(ROUTING + QA.replace("  workers: 3", "  workers: 3\n  busyShare: 1.5"));
        assertEquals("qa.busyShare", problem.path());
        assertTrue(problem.message().contains("1.5"), problem.message());
    }

    @Test
    void shouldGiveTheDemoRenewalsAScorecardThatValuesListeningMoreThanNewSales() throws Exception {
        QaSettings qa = ConfigLoader.loadDefault().qa();
        QaSettings.Scorecard sales = qa.scorecards().stream().filter(s -> s.queues().contains("sales")).findFirst()
                .orElseThrow();
        QaSettings.Scorecard renewals = qa.scorecards().stream().filter(s -> s.queues().contains("renewals"))
                .findFirst().orElseThrow();
        assertNotEquals(sales.id(), renewals.id());
        assertTrue(listeningShare(renewals) > listeningShare(sales),
                listeningShare(renewals) + " vs " + listeningShare(sales));
    }

    private static double listeningShare(QaSettings.Scorecard card) {
        double all = card.criteria().stream().mapToDouble(QaSettings.Criterion::weight).sum();
        return card.criteria().stream().filter(c -> c.measure() == QaMeasure.REP_TALK_RATIO)
                .mapToDouble(QaSettings.Criterion::weight).sum() / all;
    }

    @Test
    void shouldRefuseAnUnknownMeasureWithASuggestionAndItsPosition() throws IOException {
        String yaml = ROUTING + QA.replace("measure: rep-talk-ratio", "measure: rep-talk-ration");
        ConfigProblem problem = single(yaml);
        assertEquals("qa.scorecards[0].criteria[0].measure", problem.path());
        assertEquals("unknown measure 'rep-talk-ration' (did you mean 'rep-talk-ratio'?)", problem.message());
        assertEquals(lineOf(yaml, "rep-talk-ration"), problem.line());
        assertEquals(columnOf(yaml, "rep-talk-ration"), problem.column());
    }

    @Test
    void shouldRefuseOverlappingBandsNamingBoth() throws IOException {
        String yaml = ROUTING + QA.replace("{ from: 0.3, to: 0.6, points: 100 }", "{ from: 0.2, to: 0.6, points: 100 }");
        ConfigProblem problem = single(yaml);
        assertEquals("qa.scorecards[0].criteria[0].bands[1]", problem.path());
        assertEquals("the band [0.2, 0.6) overlaps or comes before the band before it [no lower limit, 0.3); "
                + "list bands in ascending order without overlap", problem.message());
        assertEquals(lineOf(yaml, "from: 0.2"), problem.line());
        assertEquals(columnOf(yaml, "{ from: 0.2"), problem.column());
    }

    @Test
    void shouldRefuseABandThatEndsBeforeItStarts() throws IOException {
        String yaml = ROUTING + QA.replace("{ from: 0.3, to: 0.6, points: 100 }", "{ from: 0.3, to: 0.3, points: 100 }");
        ConfigProblem problem = single(yaml);
        assertEquals("qa.scorecards[0].criteria[0].bands[1].to", problem.path());
        assertEquals("the band ends at 0.3, which is not above its start 0.3", problem.message());
        assertEquals(lineOf(yaml, "to: 0.3, points: 100"), problem.line());
    }

    @Test
    void shouldRefusePointsAbove100() throws IOException {
        ConfigProblem problem = single(ROUTING + QA.replace("{ from: 0.6, points: 20 }", "{ from: 0.6, points: 120 }"));
        assertEquals("qa.scorecards[0].criteria[0].bands[2].points", problem.path());
        assertEquals("expected a number of points from 0 to 100, got 120", problem.message());
    }

    @Test
    void shouldRefuseAWeightOfZero() throws IOException {
        String yaml = ROUTING + QA.replace("weight: 20", "weight: 0");
        ConfigProblem problem = single(yaml);
        assertEquals("qa.scorecards[0].criteria[0].weight", problem.path());
        assertEquals("expected a weight above 0, got 0; leave the criterion out instead", problem.message());
        assertEquals(lineOf(yaml, "weight: 0"), problem.line());
    }

    @Test
    void shouldRefuseACriterionWithoutBandsAndAScorecardWithoutCriteria() throws IOException {
        String yaml = ROUTING + QA.replace("bands: [{ to: 30, points: 100 }]", "bands: []");
        ConfigProblem noBands = single(yaml);
        assertEquals("qa.scorecards[1].criteria[0].bands", noBands.path());
        assertTrue(noBands.message().startsWith("a criterion needs at least one band"), noBands.message());

        String noCriteriaYaml = ROUTING + QA.substring(0, QA.indexOf("      criteria:\n        - { name: hold"))
                + "      criteria: []\n";
        ConfigProblem noCriteria = single(noCriteriaYaml);
        assertEquals("qa.scorecards[1].criteria", noCriteria.path());
        assertEquals("a scorecard needs at least one criterion", noCriteria.message());
        assertEquals(lineOf(noCriteriaYaml, "criteria: []"), noCriteria.line());
    }

    @Test
    void shouldRefuseAQueueClaimedByTwoScorecards() throws IOException {
        String yaml = ROUTING + QA.replace("queues: [renewals]", "queues: [renewals, sales]");
        ConfigProblem problem = single(yaml);
        assertEquals("qa.scorecards[1].queues[1]", problem.path());
        assertEquals("the queue 'sales' already has scorecard 'sales-card' (line " + lineOf(yaml, "queues: [sales]")
                + "); a queue takes one scorecard", problem.message());
        assertEquals(lineOf(yaml, "[renewals, sales]"), problem.line());
        assertEquals(columnOf(yaml, "[renewals, sales]") + "[renewals, ".length(), problem.column());
    }

    @Test
    void shouldRefuseUnknownQueuesSegmentsAndDefaultScorecard() throws IOException {
        String yaml = ROUTING + QA.replace("queues: [sales]", "queues: [salse]").replace("segments: [smb]",
                "segments: [mid]").replace("defaultScorecard: sales-card", "defaultScorecard: sales");
        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));
        assertEquals(List.of(
                "qa.defaultScorecard: unknown scorecard 'sales'; known: sales-card, renewal-card",
                "qa.scorecards[0].queues[0]: unknown queue 'salse' (did you mean 'sales'?)",
                "qa.scorecards[0].segments[0]: unknown segment 'mid'; known: smb, enterprise"),
                problems.stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    @Test
    void shouldRefuseDuplicateCriteriaAndManualCriteria() throws IOException {
        String yaml = ROUTING + QA.replace("{ name: hold,", "{ name: listening,")
                .replace("[product-knowledge, empathy]", "[empathy, empathy]");
        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));
        assertEquals(List.of(
                "qa.scorecards[1].manualCriteria[1]: manual criterion 'empathy' is listed twice (first at line "
                        + lineOf(yaml, "[empathy, empathy]") + ")"),
                problems.stream().map(p -> p.path() + ": " + p.message()).toList(),
                "criterion names are unique per scorecard, so 'listening' may appear in both");
        String twice = ROUTING + QA.replace("        - { name: hold,", "        - { name: hold, measure: hold-count, "
                + "weight: 1, bands: [{ to: 1, points: 100 }] }\n        - { name: hold,");
        ConfigProblem duplicate = single(twice);
        assertEquals("qa.scorecards[1].criteria[1].name", duplicate.path());
        assertEquals("duplicate criterion 'hold' in scorecard 'renewal-card' (first at line "
                + lineOf(twice, "name: hold, measure: hold-count") + ")", duplicate.message());
    }

    @Test
    void shouldSuggestTheRightKeyForATypoInAScorecard() throws IOException {
        String yaml = ROUTING + QA.replace("      manualShare: 0.3", "      manualShares: 0.3");
        ConfigProblem problem = single(yaml);
        assertEquals("qa.scorecards[1].manualShares", problem.path());
        assertEquals("unknown key 'manualShares' (did you mean 'manualShare'?)", problem.message());
        assertEquals(lineOf(yaml, "manualShares"), problem.line());
        assertEquals(7, problem.column());
    }

    private ConfigProblem single(String yaml) throws IOException {
        List<ConfigProblem> problems = ConfigLoader.check(write(yaml));
        assertEquals(1, problems.size(), ConfigProblem.render(problems).toString());
        assertTrue(problems.get(0).file().endsWith("acd.yaml"));
        return problems.get(0);
    }

    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    private static int columnOf(String text, String marker) {
        return text.lines().toList().get(lineOf(text, marker) - 1).indexOf(marker) + 1;
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}

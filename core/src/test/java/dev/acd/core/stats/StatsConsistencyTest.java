package dev.acd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.Tick;

/** Live (incremental) and batch projections, and range filters, agree on every figure of a realistic journal. */
class StatsConsistencyTest {
    private static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    private static final Set<String> REP_TIME = Set.of("logged_in_time", "not_ready_time", "available_time", "occupancy");

    private final List<Event> journal = new EventStreamGenerator(42, START).generate(2, 500);

    private static StatsProjection batch(List<Event> events, ZoneId zone) {
        StatsProjection projection = new StatsProjection(zone);
        events.forEach(projection::apply);
        return projection;
    }

    private static void assertSameReport(Report expected, Report actual, String what) {
        assertEquals(expected.columns().stream().map(Metric::name).toList(),
                actual.columns().stream().map(Metric::name).toList(), what + ": columns");
        assertEquals(expected.rows().stream().map(ReportRow::key).toList(),
                actual.rows().stream().map(ReportRow::key).toList(), what + ": row keys");
        for (int i = 0; i < expected.rows().size(); i++) {
            assertSameRow(expected.rows().get(i), actual.rows().get(i), what);
        }
        assertSameRow(expected.totals(), actual.totals(), what);
    }

    private static void assertSameRow(ReportRow expected, ReportRow actual, String what) {
        for (int m = 0; m < expected.values().size(); m++) {
            MetricValue e = expected.values().get(m);
            assertEquals(e.value(), actual.values().get(m).value(),
                    what + ", row " + expected.key() + ", " + e.metric().name());
        }
    }

    @Test
    void shouldGenerateARealisticJournal() {
        StatsProjection projection = batch(journal, ZoneId.of("UTC"));
        ReportRow total = projection.report(Grouping.QUEUE).totals();
        for (Metric m : List.of(Metric.ABANDONED, Metric.SHORT_ABANDONED, Metric.TRANSFERS, Metric.RING_NO_ANSWER,
                Metric.OFFERS_BUSY, Metric.CALLBACKS_REQUESTED, Metric.HOLD_TIME, Metric.DISPOSITIONS, Metric.QA_SCORED,
                Metric.REVENUE, Metric.NOT_READY_TIME)) {
            assertTrue(total.value(m) > 0, "the journal should exercise " + m.name());
        }
        assertTrue(total.value(Metric.OFFERED) > total.value(Metric.CALLS) * 0.8);
        assertTrue(total.value(Metric.OFFERED) <= total.value(Metric.CALLS), "a call is offered at most once");
        assertTrue(total.value(Metric.ANSWERED) + total.value(Metric.ABANDONED) + total.value(Metric.SHORT_ABANDONED)
                + total.value(Metric.CALLBACKS_REQUESTED) <= total.value(Metric.OFFERED),
                "each offered call ends its wait at most one way");
        double visits = projection.report(Grouping.QUEUE).rows().stream()
                .mapToDouble(r -> r.value(Metric.OFFERED)).sum();
        assertTrue(visits > total.value(Metric.OFFERED), "overflows and transfers are more visits than calls");
        assertEquals(2, projection.report(Grouping.DIRECTION).rows().size());
        assertEquals(2, projection.report(Grouping.DAY).rows().size());
        assertEquals(0, projection.openCalls(), "every finished call is forgotten after its wrap-up");
    }

    @Test
    void shouldGiveTheSameFiguresLiveInPiecesAsInOneBatch() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        StatsProjection whole = batch(journal, zone);
        StatsProjection live = new StatsProjection(zone);
        Random random = new Random(7);
        int fed = 0;
        int checkpoints = 0;
        while (fed < journal.size()) {
            int piece = Math.min(journal.size() - fed, 1 + random.nextInt(400));
            for (Event e : journal.subList(fed, fed + piece)) {
                live.apply(e);
            }
            fed += piece;
            Grouping by = Grouping.values()[random.nextInt(Grouping.values().length)];
            Report midway = live.report(by);
            if (random.nextInt(10) == 0 || fed == journal.size()) {
                // Mid-stream the live projection must equal a fresh batch over the same prefix.
                assertSameReport(batch(journal.subList(0, fed), zone).report(by), midway, "prefix of " + fed);
                checkpoints++;
            }
        }
        assertTrue(checkpoints >= 3);
        long dayTwo = START + EventStreamGenerator.DAY;
        for (Grouping by : Grouping.values()) {
            assertSameReport(whole.report(by), live.report(by), "whole, by " + by);
            assertSameReport(whole.report(by, dayTwo + 9 * EventStreamGenerator.HOUR, dayTwo + 13 * EventStreamGenerator.HOUR),
                    live.report(by, dayTwo + 9 * EventStreamGenerator.HOUR, dayTwo + 13 * EventStreamGenerator.HOUR),
                    "day two 09-13, by " + by);
        }
    }

    @Test
    void shouldFilterARangeLikeAFreshProjectionFedOnlyTheCallsThatArrivedInIt() {
        long from = START + 10 * EventStreamGenerator.HOUR + 15 * 60_000L;
        long to = START + EventStreamGenerator.DAY + 11 * EventStreamGenerator.HOUR;
        Set<Long> inRange = new HashSet<>();
        for (Event e : journal) {
            if (e instanceof CallArrived a && a.at() >= from && a.at() < to) {
                inRange.add(a.callId());
            }
        }
        List<Event> callsInRange = journal.stream()
                .filter(e -> e instanceof ConfigChanged || e instanceof CallEvent c && inRange.contains(c.callId()))
                .toList();
        StatsProjection full = batch(journal, ZoneId.of("UTC"));
        StatsProjection fresh = batch(callsInRange, ZoneId.of("UTC"));
        Map<String, Double> empty = values(new StatsProjection().report(Grouping.REP, from, to).totals());

        for (Grouping by : Grouping.values()) {
            Report filtered = full.report(by, from, to);
            Report alone = fresh.report(by);
            Map<String, ReportRow> filteredRows = filtered.rows().stream()
                    .collect(Collectors.toMap(ReportRow::key, Function.identity()));
            Map<String, ReportRow> aloneRows = alone.rows().stream()
                    .collect(Collectors.toMap(ReportRow::key, Function.identity()));
            Set<String> keys = new TreeSet<>(filteredRows.keySet());
            keys.addAll(aloneRows.keySet());
            for (String key : keys) {
                Map<String, Double> got = filteredRows.containsKey(key) ? values(filteredRows.get(key)) : empty;
                Map<String, Double> want = aloneRows.containsKey(key) ? values(aloneRows.get(key)) : empty;
                assertCallFiguresEqual(want, got, by + " row " + key);
            }
            assertCallFiguresEqual(values(alone.totals()), values(filtered.totals()), by + " totals");
        }
        assertTrue(inRange.size() > 300, "the range should hold many calls, held " + inRange.size());
    }

    private static Map<String, Double> values(ReportRow row) {
        return row.values().stream().collect(Collectors.toMap(v -> v.metric().name(), MetricValue::value));
    }

    private static void assertCallFiguresEqual(Map<String, Double> want, Map<String, Double> got, String what) {
        Set<String> names = new TreeSet<>(want.keySet());
        names.addAll(got.keySet());
        for (String name : names) {
            if (!REP_TIME.contains(name)) {
                assertEquals(want.getOrDefault(name, 0.0), got.getOrDefault(name, 0.0), what + ", " + name);
            }
        }
    }

    @Test
    void shouldForgetCallsWhoseWrapUpNeverEndsOrThatFallSilent() {
        long noon = START + 12 * EventStreamGenerator.HOUR;
        StatsProjection projection = new StatsProjection();
        journal.stream()
                .filter(e -> e.at() < noon && !(e instanceof dev.acd.core.event.WrapUpEnded))
                .forEach(projection::apply);
        int open = projection.openCalls();
        assertTrue(open > 20, "calls wait for wrap-ups that never end: " + open);
        projection.apply(new Tick(noon + 2 * EventStreamGenerator.HOUR));
        assertTrue(projection.openCalls() < 10, "calls ended over an hour ago are closed without their wrap-up, "
                + projection.openCalls() + " left");
        projection.apply(new Tick(noon + 25 * EventStreamGenerator.HOUR));
        assertEquals(0, projection.openCalls(), "calls silent for a day are closed too");
    }
}

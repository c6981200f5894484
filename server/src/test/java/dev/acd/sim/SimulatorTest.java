package dev.acd.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.stats.StatsProjection;
import dev.acd.router.RoutingEngine;

/** A simulated day of the embedded demo company, written to a real journal. */
class SimulatorTest {
    private static AcdConfig config;
    private static long monday;

    @BeforeAll
    static void loadDefault() throws Exception {
        config = ConfigLoader.loadDefault();
        monday = LocalDate.of(2026, 11, 23).atStartOfDay(config.zone()).toInstant().toEpochMilli();
    }

    private static Simulator simulate(Journal journal, long seed) {
        Simulator simulator = new Simulator(config.model(), config.customers(), config.simulation(), config.zone(),
                config.tickIntervalMs(), journal::append, monday, 24, seed);
        simulator.run();
        return simulator;
    }

    private static List<Event> read(Journal journal) {
        List<Event> events = new ArrayList<>();
        try (JournalReader reader = journal.readFromStart()) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void shouldWriteTheSameJournalForTheSameSeed(@TempDir Path first, @TempDir Path second) {
        try (Journal a = Journal.open(new JournalSettings(first, 0));
             Journal b = Journal.open(new JournalSettings(second, 0))) {
            simulate(a, 42);
            simulate(b, 42);
            List<Event> events = read(a);
            assertTrue(events.size() > 1_000, "a day of traffic: " + events.size());
            assertEquals(events, read(b));
        }
    }

    @Test
    void shouldRebuildTheRoutersStateByReplayingTheJournal(@TempDir Path dir) {
        try (Journal journal = Journal.open(new JournalSettings(dir, 0))) {
            Simulator simulator = simulate(journal, 7);
            assertEquals(simulator.engine().snapshot(), RoutingEngine.rebuiltFrom(read(journal)).snapshot());
        }
    }

    @Test
    void shouldPlayABelievableDayOfTheDemoCompany(@TempDir Path dir) {
        try (Journal journal = Journal.open(new JournalSettings(dir, 0))) {
            simulate(journal, 1);
            List<Event> events = read(journal);
            StatsProjection stats = new StatsProjection(config.zone());
            events.forEach(stats::apply);
            ReportRow total = stats.report(Grouping.QUEUE).totals();
            double offered = total.value(Metric.OFFERED);
            assertTrue(offered > 500, "a business day brings hundreds of calls: " + offered);
            assertTrue(total.value(Metric.ANSWERED) > 0.75 * offered, "most calls are answered");
            assertTrue(total.value(Metric.ABANDONED) > 0, "some callers lose patience");
            assertTrue(events.stream().anyMatch(e -> e instanceof OfferFailed), "some offers fail");
            assertTrue(total.value(Metric.REVENUE) > 0, "dispositions carry revenue");
            for (String line : List.of("sales", "renewals", "partner-desk")) {
                assertTrue(stats.report(Grouping.QUEUE).row(line).isPresent(), "calls in queue " + line);
            }
            assertEquals(events.stream().filter(e -> e instanceof CallAnswered).count(),
                    (long) stats.report(Grouping.DIRECTION).totals().value(Metric.HANDLED));
        }
    }

    @Test
    void shouldOfferCallsToFieldRepsOnlyInsideTheirLiveWindows(@TempDir Path dir) {
        Map<String, Rep> reps = config.model().reps().stream().collect(Collectors.toMap(Rep::id, Function.identity()));
        try (Journal journal = Journal.open(new JournalSettings(dir, 0))) {
            simulate(journal, 3);
            List<CallOffered> toField = read(journal).stream()
                    .filter(e -> e instanceof CallOffered o && reps.get(o.repId()).kind() == RepKind.FIELD)
                    .map(CallOffered.class::cast)
                    .toList();
            assertTrue(!toField.isEmpty(), "field reps take some calls");
            for (CallOffered offer : toField) {
                // Windows are checked once per minute of event time: the minute's start must be inside.
                long minute = offer.at() - Math.floorMod(offer.at(), 60_000L);
                assertTrue(reps.get(offer.repId()).takesLiveCallsAt(minute), offer.toString());
            }
        }
    }

    @Test
    void shouldLetImpatientCallersAbandon(@TempDir Path dir) {
        try (Journal journal = Journal.open(new JournalSettings(dir, 0))) {
            simulate(journal, 5);
            List<Event> events = read(journal);
            long abandoned = events.stream().filter(e -> e instanceof CallAbandoned).count();
            long answered = events.stream().filter(e -> e instanceof CallAnswered).count();
            assertTrue(abandoned > 0 && abandoned < answered, abandoned + " abandoned, " + answered + " answered");
        }
    }

    @Test
    void shouldMeetMoreCallersWithMoreInsideRepsFacingTheSameCallers(@TempDir Path few, @TempDir Path many) {
        try (Journal thin = Journal.open(new JournalSettings(few, 0));
             Journal thick = Journal.open(new JournalSettings(many, 0))) {
            simulateWith(Staffing.withInsideReps(config.model(), 9), thin);
            simulateWith(Staffing.withInsideReps(config.model(), 18), thick);
            List<Event> thinDay = read(thin);
            List<Event> thickDay = read(thick);
            assertEquals(arrivals(thinDay), arrivals(thickDay), "both runs face the very same callers");
            assertTrue(serviceLevel(thickDay) > serviceLevel(thinDay) + 0.1,
                    serviceLevel(thinDay) + " with 9 inside reps, " + serviceLevel(thickDay) + " with 18");
        }
    }

    private static void simulateWith(dev.acd.core.model.RoutingModel model, Journal journal) {
        new Simulator(model, config.customers(), config.simulation(), config.zone(), config.tickIntervalMs(),
                journal::append, monday, 24, 9).run();
    }

    private static List<Event> arrivals(List<Event> events) {
        return events.stream().filter(e -> e instanceof dev.acd.core.event.CallArrived).toList();
    }

    private static double serviceLevel(List<Event> events) {
        StatsProjection stats = new StatsProjection(config.zone());
        events.forEach(stats::apply);
        return stats.report(Grouping.QUEUE).totals().value(Metric.SERVICE_LEVEL);
    }
}

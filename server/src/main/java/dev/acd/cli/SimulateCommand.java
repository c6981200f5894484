package dev.acd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.acd.config.AcdConfig;
import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.stats.ErlangC;
import dev.acd.core.stats.Grouping;
import dev.acd.report.StatsQuery;
import dev.acd.core.stats.StatsProjection;
import dev.acd.sim.ErlangCheck;
import dev.acd.sim.SimulationResult;
import dev.acd.sim.Staffing;
import dev.acd.sim.Simulator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acd simulate}: a simulated day through the real router and journal, then its statistics. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Plays synthetic traffic (the configuration's simulation section) through the real router and "
                + "journal in simulated time, then prints the statistics computed from the journal.",
                "With --erlang-check, simulates one queue of identical reps and prints the simulated probability of "
                        + "waiting, ASA, service level and occupancy beside the Erlang C formulas."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigOption config = new ConfigOption();
    @Option(names = "--hours", defaultValue = "24", description = "simulated hours (default ${DEFAULT-VALUE})")
    double hours;
    @Option(names = "--seed", description = "random seed (default: the configuration's simulation seed)")
    Long seed;
    @Option(names = "--date", description = "simulated day, YYYY-MM-DD (default: today, or next Monday on a weekend)")
    LocalDate date;
    @Option(names = "--journal", paramLabel = "DIR",
            description = "journal directory to write (default: a new directory under the configured journal directory)")
    Path journalDir;
    @Option(names = "--by", defaultValue = "queue", description = "rows of the statistics: rep, queue, segment, kind, "
            + "direction, interval or day (default ${DEFAULT-VALUE})")
    String by;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--inside-reps", paramLabel = "N", description = "capacity planning: simulate with N inside reps "
            + "instead of the configured ones (fewer keeps the first by id, more adds copies of them)")
    Integer insideReps;
    @ArgGroup(exclusive = false, heading = "Erlang C check:%n")
    ErlangOptions erlang;

    static final class ErlangOptions {
        @Option(names = "--erlang-check", required = true, description = "compare with Erlang C instead")
        boolean enabled;
        @Option(names = "--reps", defaultValue = "10", description = "reps (default ${DEFAULT-VALUE})")
        int reps;
        @Option(names = "--calls-per-hour", defaultValue = "102",
                description = "arrival rate (default ${DEFAULT-VALUE}: 85% occupancy with the defaults)")
        double callsPerHour;
        @Option(names = "--aht", defaultValue = "300", description = "average handle time, seconds (default ${DEFAULT-VALUE})")
        double aht;
        @Option(names = "--target", defaultValue = "20", description = "service level target T, seconds (default ${DEFAULT-VALUE})")
        int target;
        @Option(names = "--calls", defaultValue = "100000", description = "calls to simulate (default ${DEFAULT-VALUE})")
        long calls;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (erlang != null && erlang.enabled) {
            return erlangCheck(out);
        }
        if (hours <= 0) {
            throw new IllegalArgumentException("--hours must be more than 0, got " + hours);
        }
        AcdConfig acd = config.load();
        ZoneId zone = acd.zone();
        LocalDate day = date != null ? date : defaultDay(LocalDate.now(zone));
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long runSeed = seed != null ? seed : acd.simulation().seed();
        Path dir = journalDir != null ? journalDir
                : acd.journal().dir().resolve("simulation-" + day + "-seed" + runSeed + "-" + System.currentTimeMillis());
        Grouping grouping = grouping(by);
        ReportFormat reportFormat = format(format);

        RoutingModel model = insideReps == null ? acd.model() : Staffing.withInsideReps(acd.model(), insideReps);
        SimulationResult result;
        StatsProjection stats = new StatsProjection(zone);
        try (Journal journal = Journal.open(new JournalSettings(dir, acd.journal().retentionDays()))) {
            Simulator simulator = new Simulator(model, acd.customers(), acd.simulation(), zone,
                    acd.tickIntervalMs(), journal::append, start, hours, runSeed);
            result = simulator.run();
            // Statistics come from reading the journal back, exactly as `acd stats` does.
            try (JournalReader reader = journal.readFromStart()) {
                for (Event event = reader.next(); event != null; event = reader.next()) {
                    stats.apply(event);
                }
            }
        }
        if (reportFormat == ReportFormat.TABLE) {
            out.printf(Locale.ROOT, "Simulated %s from %s for %.1f h (seed %d), configuration %s%s%n", day,
                    Instant.ofEpochMilli(start).atZone(zone).toLocalTime(), hours, runSeed, acd.source(),
                    insideReps == null ? "" : ", staffed with " + insideReps + " inside reps");
            out.printf(Locale.ROOT, "%,d calls, %,d journaled events in %.2f s (%.0fx real time)%n", result.calls(),
                    result.events(), result.wallNanos() / 1e9, result.speedUp());
            out.printf("Journal: %s  (acd stats --journal %s --by rep; acd explain --journal %s CALL_ID)%n%n",
                    dir, dir, dir);
        }
        reportFormat.print(stats.report(grouping), List.of(), out);
        return 0;
    }

    private static LocalDate defaultDay(LocalDate today) {
        DayOfWeek day = today.getDayOfWeek();
        return day == DayOfWeek.SATURDAY ? today.plusDays(2) : day == DayOfWeek.SUNDAY ? today.plusDays(1) : today;
    }

    static Grouping grouping(String by) {
        return StatsQuery.grouping(by, "--by");
    }

    static ReportFormat format(String format) {
        try {
            return ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: '" + format + "' is not one of table, csv, json");
        }
    }

    private Integer erlangCheck(PrintWriter out) {
        ErlangCheck.Params params = new ErlangCheck.Params(erlang.reps, erlang.callsPerHour, erlang.aht, erlang.target,
                erlang.calls, seed != null ? seed : 1);
        ErlangCheck.Outcome outcome = ErlangCheck.run(params);
        out.printf(Locale.ROOT, "Erlang C check: %d reps, %.1f calls/h, AHT %.0f s, target %d s: %.2f erlangs "
                        + "(%.1f%% load)%n", params.reps(), params.callsPerHour(), params.ahtSeconds(),
                params.targetSeconds(), params.traffic(), 100 * params.traffic() / params.reps());
        out.printf(Locale.ROOT, "%,d calls answered in %.1f simulated hours, run in %.2f s%n%n", outcome.answered(),
                (outcome.run().toAt() - outcome.run().fromAt()) / 3.6e6, Duration.ofNanos(outcome.run().wallNanos())
                        .toMillis() / 1000.0);
        out.printf("%-26s %12s %12s %10s%n", "figure", "Erlang C", "simulated", "diff");
        row(out, "probability of waiting %", outcome.erlangC().probabilityOfWaiting() * 100,
                outcome.simulated().probabilityOfWaiting() * 100);
        row(out, "ASA s", outcome.erlangC().asaSeconds(), outcome.simulated().asaSeconds());
        row(out, "service level %", outcome.erlangC().serviceLevel() * 100, outcome.simulated().serviceLevel() * 100);
        row(out, "occupancy %", outcome.erlangC().occupancy() * 100, outcome.simulated().occupancy() * 100);
        out.printf(Locale.ROOT, "%nErlang C staffing for this load: %d reps for 80%% within %d s, %d reps for 90%%%n",
                ErlangC.repsForServiceLevel(params.traffic(), params.ahtSeconds(), params.targetSeconds(), 0.8),
                params.targetSeconds(),
                ErlangC.repsForServiceLevel(params.traffic(), params.ahtSeconds(), params.targetSeconds(), 0.9));
        return 0;
    }

    private static void row(PrintWriter out, String name, double expected, double simulated) {
        out.printf(Locale.ROOT, "%-26s %12.2f %12.2f %+10.2f%n", name, expected, simulated, simulated - expected);
    }
}

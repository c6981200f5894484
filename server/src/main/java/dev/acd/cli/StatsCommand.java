package dev.acd.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.acd.core.journal.Journal;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.Report;
import dev.acd.core.stats.StatsProjection;
import dev.acd.report.StatsQuery;
import dev.acd.report.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acd stats}: statistics computed from a journal. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Computes statistics from a journal: offered, answered, abandoned, service level, ASA, talk, "
                + "hold, wrap and handle time, occupancy, revenue, QA scores (--qa)... grouped as asked. "
                + "See docs/statistics.md.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    JournalOption journal = new JournalOption();
    @Option(names = "--by", defaultValue = "queue",
            description = "rep, queue, segment, kind, direction, interval, day or week (default ${DEFAULT-VALUE})")
    String by;
    @Option(names = "--from", description = "start: 2026-11-23, 2026-11-23T09:00 (in --zone) or an instant")
    String from;
    @Option(names = "--to", description = "end, exclusive, same forms as --from")
    String to;
    @Option(names = "--zone", description = "time zone of intervals, days and local times (default: the center's "
            + "zone recorded in the journal)")
    ZoneId zone;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})")
    String format;
    @Option(names = "--metrics", split = ",", description = "columns to print, by name (default: the headline ones "
            + "in a table, all in csv and json)")
    List<String> metrics;
    @Option(names = "--qa", description = "quality assurance columns: automatic and manual scores, reviews, and the "
            + "mean points of each scorecard criterion (qa_criterion_<name>)")
    boolean qa;

    /** The QA metrics, then one column per criterion scored in the report's range. */
    static List<String> qaColumns(Report report) {
        List<String> names = new ArrayList<>();
        Metric.QA.forEach(m -> names.add(m.name()));
        for (Metric m : report.columns()) {
            if (m.name().startsWith(Metric.QA_CRITERION_PREFIX)) {
                names.add(m.name());
            }
        }
        return names;
    }

    @Override
    public Integer call() {
        ReportFormat reportFormat = SimulateCommand.format(format);
        var grouping = SimulateCommand.grouping(by);
        StatsProjection stats;
        TimeRange range;
        try (Journal opened = journal.open()) {
            ZoneId in = JournalOption.zone(zone, opened);
            range = TimeArgument.range(from, to, in);
            stats = StatsQuery.project(opened, in);
        }
        PrintWriter out = spec.commandLine().getOut();
        Report report = StatsQuery.report(stats, grouping, range);
        if (report == null) {
            out.println("the journal in " + journal.dir + " holds no events");
            out.flush();
            return 0;
        }
        reportFormat.print(report, qa && (metrics == null || metrics.isEmpty()) ? qaColumns(report) : metrics, out);
        return 0;
    }
}

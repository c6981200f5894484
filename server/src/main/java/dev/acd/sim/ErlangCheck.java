package dev.acd.sim;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.acd.config.DailyProfile;
import dev.acd.config.Distribution;
import dev.acd.config.SimulationSettings;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.Event;
import dev.acd.core.model.Line;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.RoutingSettings;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Skill;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.stats.ErlangC;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.stats.StatsProjection;

/**
 * Holds the simulator against the textbook: one queue, one skill, N identical reps, Poisson arrivals, exponential
 * handle times, no abandonment and no wrap-up is the M/M/N queue Erlang C describes. The simulation runs through the
 * real router; its figures come from the statistics projection over the journaled events.
 */
public final class ErlangCheck {
    static final String QUEUE = "check";
    /** Day the check's simulated time starts; any day works, the shift runs round the clock. */
    static final long START = 1_795_392_000_000L;

    /** What to check: the load and how many calls to simulate. */
    public record Params(int reps, double callsPerHour, double ahtSeconds, int targetSeconds, long calls, long seed) {
        public Params {
            if (reps <= 0 || callsPerHour <= 0 || ahtSeconds <= 0 || targetSeconds < 0 || calls <= 0) {
                throw new IllegalArgumentException("reps, calls per hour, AHT and calls must be positive, target >= 0");
            }
        }

        /** Offered traffic in erlangs. */
        public double traffic() {
            return ErlangC.trafficIntensity(callsPerHour / 3600.0, ahtSeconds);
        }
    }

    /** The four figures compared. Service level is "answered within T / answered" (no abandons here). */
    public record Figures(double probabilityOfWaiting, double asaSeconds, double serviceLevel, double occupancy) {
    }

    /** Both sets of figures side by side. */
    public record Outcome(Params params, Figures erlangC, Figures simulated, long answered, SimulationResult run) {
    }

    private ErlangCheck() {
    }

    public static Outcome run(Params params) {
        double traffic = params.traffic();
        Figures expected = new Figures(
                ErlangC.probabilityOfWaiting(params.reps(), traffic),
                ErlangC.averageSpeedOfAnswer(params.reps(), traffic, params.ahtSeconds()),
                ErlangC.serviceLevel(params.reps(), traffic, params.ahtSeconds(), params.targetSeconds()),
                ErlangC.occupancy(params.reps(), traffic));

        StatsProjection stats = new StatsProjection(ZoneOffset.UTC);
        WaitCounter waits = new WaitCounter();
        double hours = params.calls() / params.callsPerHour();
        Simulator simulator = new Simulator(model(params), CustomerDirectory.empty(), traffic(params), ZoneOffset.UTC,
                60_000, event -> {
                    stats.apply(event);
                    waits.accept(event);
                }, START, hours, params.seed());
        SimulationResult run = simulator.run();

        ReportRow queue = stats.report(Grouping.QUEUE).row(QUEUE).orElseThrow();
        ReportRow reps = stats.report(Grouping.KIND).row(RepKind.INSIDE.name()).orElseThrow();
        Figures simulated = new Figures(waits.share(), queue.value(Metric.ASA),
                queue.value(Metric.SERVICE_LEVEL_OF_ANSWERED), reps.value(Metric.OCCUPANCY));
        return new Outcome(params, expected, simulated, (long) queue.value(Metric.ANSWERED), run);
    }

    private static RoutingModel model(Params params) {
        List<Rep> reps = new ArrayList<>();
        for (int i = 0; i < params.reps(); i++) {
            reps.add(new Rep(String.format("rep%04d", i), "Rep " + i, RepKind.INSIDE, "all", Map.of("any", 5), null,
                    null, new Reach(ReachKind.SOFTPHONE, "rep" + i), List.of(), ZoneOffset.UTC));
        }
        Queue queue = new Queue(QUEUE, "Erlang C check", List.of(new SkillRequirement("any", 1)), List.of(),
                params.targetSeconds(), 80, 0, 600, 0, MaxWaitAction.HANG_UP, null, 0, 0);
        return new RoutingModel(List.of(new Skill("any", "Any")), List.of(new Segment("all", "All", Set.of("all"), 0)),
                List.of(queue), List.of(new Line(QUEUE, "+15550000", "Check", QUEUE)), reps,
                new RoutingSettings("all", List.of(), new MissPolicy(0, 0, 0, 0), 0, 0));
    }

    private static SimulationSettings traffic(Params params) {
        return new SimulationSettings(params.seed(), Map.of(QUEUE, params.callsPerHour()), DailyProfile.FLAT,
                Distribution.exponential(params.ahtSeconds()), Distribution.fixed(0), 0, 0, Distribution.fixed(0),
                0, 0, 0, 0, 0, Map.of(), Map.of(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** Share of calls that had to wait: offered later than they were queued. */
    private static final class WaitCounter {
        private final Map<Long, Long> queuedAt = new HashMap<>();
        private long offered;
        private long waited;

        void accept(Event event) {
            if (event instanceof CallQueued queued) {
                queuedAt.put(queued.callId(), queued.at());
            } else if (event instanceof CallOffered offer) {
                Long at = queuedAt.remove(offer.callId());
                if (at != null) {
                    offered++;
                    if (offer.at() > at) {
                        waited++;
                    }
                }
            }
        }

        double share() {
            return offered == 0 ? 0 : (double) waited / offered;
        }
    }
}

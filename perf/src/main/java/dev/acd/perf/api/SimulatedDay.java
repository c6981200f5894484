package dev.acd.perf.api;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import dev.acd.config.AcdConfig;
import dev.acd.config.SimulationSettings;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.sim.SimulationResult;
import dev.acd.sim.Simulator;
import dev.acd.sim.Staffing;

/**
 * A day of journal for the API benchmarks: the simulator's day of the demo configuration (as
 * {@code acd simulate --hours 24} writes it), today in the center's zone so the API's "today" covers it. A scale
 * above 1 multiplies the calls per hour and the inside reps alike, for a bigger center with the same service.
 */
record SimulatedDay(Path dir, long calls, long events, double seconds) {
    static SimulatedDay write(AcdConfig config, Path dir, long seed, int scale) {
        ZoneId zone = config.zone();
        long start = LocalDate.now(zone).atStartOfDay(zone).toInstant().toEpochMilli();
        RoutingModel model = config.model();
        SimulationSettings traffic = config.simulation();
        if (scale > 1) {
            long inside = model.reps().stream().filter(r -> r.kind() == RepKind.INSIDE).count();
            model = Staffing.withInsideReps(model, (int) inside * scale);
            Map<String, Double> arrivals = new HashMap<>();
            traffic.arrivalsPerHour().forEach((line, perHour) -> arrivals.put(line, perHour * scale));
            SimulationSettings t = traffic;
            traffic = new SimulationSettings(t.seed(), arrivals, t.dailyProfile(), t.talkTime(), t.wrapTime(),
                    t.holdProbability(), t.meanHoldSeconds(), t.answerDelay(), t.noAnswerProbability(),
                    t.rejectProbability(), t.breaksPerRepPerDay(), t.breakMeanSeconds(), t.patienceMeanSeconds(),
                    t.dispositionMix(), t.revenueMeans(), t.shiftStart(), t.shiftEnd());
        }
        try (Journal journal = Journal.open(new JournalSettings(dir, 0))) {
            Simulator simulator = new Simulator(model, config.customers(), traffic, zone, config.tickIntervalMs(),
                    journal::append, start, 24, seed);
            SimulationResult result = simulator.run();
            return new SimulatedDay(dir, result.calls(), result.events(), result.wallNanos() / 1e9);
        }
    }
}

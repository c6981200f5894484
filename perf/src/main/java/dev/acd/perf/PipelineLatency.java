package dev.acd.perf;

import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import dev.acd.core.event.Event;

/**
 * Publish-to-command latency through the whole router pipeline (routing, then the real journal, then the command
 * subscriber), at fixed publish rates and flat out, for each wait strategy. Scenario: the recorded steady state of
 * {@link SteadyStateScript#standard} (10,000 reps, 200 skills, about 1,000 waiting calls).
 *
 * <p>Latency of an event is from just before {@code publish} to when the subscriber received its first command.
 * At a fixed rate the publisher parks between events and publishes whatever fell due in a burst (parking wakes
 * up about every 50 us), so it does not take a core from the pipeline.
 * The recording says which event caused each command, so only events that lead to a command are measured (about
 * one in five: offers, cancelled offers, callbacks). Each run is checked against the recording like the benchmarks.
 *
 * <p>Run: {@code java <Chronicle flags> -cp perf/target/benchmarks.jar dev.acd.perf.PipelineLatency
 * [steadyEvents] [rates, e.g. 100000,500000,max] [strategies, e.g. blocking,yielding]}
 */
public final class PipelineLatency {
    private PipelineLatency() {
    }

    public static void main(String[] args) {
        int steadyEvents = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        String[] rates = (args.length > 1 ? args[1] : "100000,500000,max").split(",");
        String[] strategies = (args.length > 2 ? args[2] : "blocking,yielding").split(",");
        SteadyStateScript script = SteadyStateScript.standard(steadyEvents);
        System.out.println("scenario: " + script);
        System.out.printf("%-9s %-8s %12s %10s %10s %10s %10s %10s%n", "strategy", "rate", "achieved/s", "p50 us",
                "p99 us", "p99.9 us", "max us", "measured");
        for (String strategy : strategies) {
            // One unreported flat-out run warms up the pipeline and journal code paths.
            measure(script, strategy, 0);
            for (String rate : rates) {
                Result result = measure(script, strategy, rate.equals("max") ? 0 : Long.parseLong(rate));
                Histogram h = result.histogram;
                System.out.printf("%-9s %-8s %,12.0f %10.1f %10.1f %10.1f %10.1f %,10d%n", strategy, rate,
                        result.achievedPerSecond, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                        h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
            }
        }
    }

    private record Result(Histogram histogram, double achievedPerSecond) {
    }

    /** One run; {@code ratePerSecond} 0 publishes as fast as the ring takes events. */
    private static Result measure(SteadyStateScript script, String strategy, long ratePerSecond) {
        Event[] events = script.steady;
        long[] sentNanos = new long[events.length];
        int[] cause = script.commandCause;
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        PipelineRun run = new PipelineRun(script, strategy, (ordinal, command) -> {
            int event = cause[(int) ordinal];
            if (ordinal == 0 || cause[(int) ordinal - 1] != event) {
                histogram.recordValue(System.nanoTime() - sentNanos[event]);
            }
        });
        long start;
        long end;
        try (run) {
            start = System.nanoTime();
            double periodNanos = ratePerSecond == 0 ? 0 : 1e9 / ratePerSecond;
            int i = 0;
            while (i < events.length) {
                long now = System.nanoTime();
                long due = start + (long) (i * periodNanos);
                if (due > now) {
                    // Parking rather than spinning leaves the cores to the pipeline's two threads; events that
                    // fell due meanwhile go out in a burst, as they would from a SIP event loop.
                    LockSupport.parkNanos(due - now);
                    continue;
                }
                // Written before publishing: the ring's hand-over makes it visible to the journal thread.
                sentNanos[i] = now;
                run.pipeline.publish(events[i]);
                i++;
            }
            run.awaitJournaled();
            end = System.nanoTime();
        }
        double seconds = (end - start) / 1e9;
        return new Result(histogram, events.length / seconds);
    }
}

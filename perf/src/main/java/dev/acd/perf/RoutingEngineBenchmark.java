package dev.acd.perf;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.acd.core.event.Event;
import dev.acd.router.RoutingEngine;

/**
 * Routing engine throughput, events per second, with no pipeline and no journal: {@code RoutingEngine.apply} on
 * the recorded steady-state stream of {@link SteadyStateScript#standard} (10,000 reps, 200 skills, about 1,000
 * waiting calls). One operation is one input event.
 *
 * <p>Each invocation replays {@link #STEADY_EVENTS} events into an engine freshly brought to the steady state by
 * the warm-up part (not timed), then checks that it made exactly the decisions and commands of the recording and
 * ignored no more events than recorded. A mismatch fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class RoutingEngineBenchmark {
    static final int STEADY_EVENTS = 500_000;

    private SteadyStateScript script;
    private RoutingEngine engine;
    private CountingOutput out;

    @Setup(Level.Trial)
    public void recordScript() {
        script = SteadyStateScript.standard(STEADY_EVENTS);
        System.out.println("\nscenario: " + script);
    }

    @Setup(Level.Invocation)
    public void warmUpEngine() {
        engine = script.warmedUpEngine();
        out = new CountingOutput();
    }

    @Benchmark
    @OperationsPerInvocation(STEADY_EVENTS)
    public CountingOutput steadyState10kReps1kWaiting() {
        Event[] events = script.steady;
        RoutingEngine routing = engine;
        CountingOutput sink = out;
        for (Event event : events) {
            routing.apply(event, sink);
        }
        return sink;
    }

    @TearDown(Level.Invocation)
    public void checkDecisions() {
        script.check("RoutingEngineBenchmark", out.decisions, out.commands, engine.ignoredEvents());
    }
}

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.acd.core.event.Event;

/**
 * Whole-pipeline throughput, events per second: the benchmark thread publishes the recorded steady-state stream
 * ({@link SteadyStateScript#standard}: 10,000 reps, 200 skills, about 1,000 waiting calls) into
 * {@code RouterPipeline}, whose routing thread applies each event to the engine and whose journal thread appends the
 * event and its decisions to a real Chronicle Queue journal ({@code journal::append}) and then sends the commands.
 * An invocation ends when the last entry is journaled; one operation is one input event.
 *
 * <p>Each invocation gets a fresh engine (brought to the steady state, not timed) and a fresh journal in a temp dir,
 * and checks afterwards that the journal got exactly the recorded number of entries, the subscriber exactly the
 * recorded commands, and that no event failed or was ignored beyond the recording.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g",
        // Chronicle Queue's flags (shared deps facts, section 2): forks start with -cp, so the manifest's do not count.
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
        "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true"})
public class RouterPipelineThroughputBenchmark {
    static final int STEADY_EVENTS = 500_000;

    @Param({"blocking", "yielding"})
    public String waitStrategy;

    private SteadyStateScript script;
    private PipelineRun run;

    @Setup(Level.Trial)
    public void recordScript() {
        script = SteadyStateScript.standard(STEADY_EVENTS);
        System.out.println("\nscenario: " + script);
    }

    @Setup(Level.Invocation)
    public void startPipeline() {
        run = new PipelineRun(script, waitStrategy, null);
    }

    @Benchmark
    @OperationsPerInvocation(STEADY_EVENTS)
    public long steadyState10kReps1kWaitingWithJournal() {
        for (Event event : script.steady) {
            run.pipeline.publish(event);
        }
        run.awaitJournaled();
        return run.journal.lastIndex();
    }

    @TearDown(Level.Invocation)
    public void checkJournalAndCommands() {
        run.close();
    }
}

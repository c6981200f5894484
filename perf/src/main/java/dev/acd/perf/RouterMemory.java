package dev.acd.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Random;

import dev.acd.core.command.Command;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Decision;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.SkillRequirement;
import dev.acd.router.RoutingEngine;
import dev.acd.router.RoutingOutput;

/**
 * Memory of the router's state: bytes per idle rep and bytes per waiting call, in the {@link LargeCenter} model.
 *
 * <p>Method: heap used after garbage collection (MemoryMXBean, after {@code System.gc()} five times) with the
 * engine alive, for N and 2N reps (all logged in and ready, no calls), and for M and 2M waiting calls (10,000
 * reps logged in but not ready, so every call waits); the difference divided by N or M. For reps the model is
 * measured on its own the same way, so the per-rep figure is split into the configuration (the {@code Rep}
 * records the engine keeps) and the router's own state. A waiting call's figure includes its
 * {@code CallClassified} (the engine keeps it), the {@code CallArrived} is dropped. Run with a fixed heap and
 * serial GC for stable numbers: {@code java -Xms2g -Xmx2g -XX:+UseSerialGC -cp perf/target/benchmarks.jar
 * dev.acd.perf.RouterMemory}.
 */
public final class RouterMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final RoutingOutput DISCARD = new RoutingOutput() {
        @Override
        public void decided(Decision decision) {
        }

        @Override
        public void command(Command command) {
        }
    };

    private RouterMemory() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "warm-up round (not reported):" : "measured round:");
            perIdleRep(reps);
            perWaitingCall(calls);
        }
    }

    private static void perIdleRep(int n) {
        long base = heapAfterGc();
        RoutingModel small = LargeCenter.model(n, 200, 1);
        long withSmallModel = heapAfterGc();
        RoutingEngine smallEngine = idleEngine(small);
        long withSmallEngine = heapAfterGc();
        RoutingModel large = LargeCenter.model(2 * n, 200, 1);
        long withLargeModel = heapAfterGc();
        RoutingEngine largeEngine = idleEngine(large);
        long withLargeEngine = heapAfterGc();
        long modelPerRep = ((withLargeModel - withSmallEngine) - (withSmallModel - base)) / n;
        long statePerRep = ((withLargeEngine - withLargeModel) - (withSmallEngine - withSmallModel)) / n;
        System.out.printf("  idle rep (%,d vs %,d reps): %,d bytes of router state + %,d bytes of model (Rep record,"
                + " skills map, reach) = %,d bytes per rep%n", n, 2 * n, statePerRep, modelPerRep,
                statePerRep + modelPerRep);
        keep(smallEngine, largeEngine);
    }

    private static RoutingEngine idleEngine(RoutingModel model) {
        RoutingEngine engine = new RoutingEngine();
        long at = LargeCenter.MONDAY_9AM;
        engine.apply(new ConfigChanged(at, 1, "memory", model), DISCARD);
        for (Rep rep : model.reps()) {
            engine.apply(new RepLoggedIn(at, rep.id()), DISCARD);
            engine.apply(new RepReady(at, rep.id()), DISCARD);
        }
        return engine;
    }

    private static void perWaitingCall(int m) {
        RoutingModel model = LargeCenter.model(10_000, 200, 1);
        RoutingEngine engine = new RoutingEngine();
        long at = LargeCenter.MONDAY_9AM;
        engine.apply(new ConfigChanged(at, 1, "memory", model), DISCARD);
        for (Rep rep : model.reps()) {
            engine.apply(new RepLoggedIn(at, rep.id()), DISCARD);
        }
        Random random = new Random(3);
        long before = heapAfterGc();
        addWaitingCalls(engine, model, random, 1, m, at);
        long afterM = heapAfterGc();
        addWaitingCalls(engine, model, random, 1 + m, m, at);
        long after2M = heapAfterGc();
        System.out.printf("  waiting call (%,d then %,d more, 10,000 reps): %,d and %,d bytes per call%n", m, m,
                (afterM - before) / m, (after2M - afterM) / m);
        keep(engine, model);
    }

    /** Calls shaped like the steady-state script's: one product skill, a quarter with one more skill. */
    private static void addWaitingCalls(RoutingEngine engine, RoutingModel model, Random random, long firstId,
                                        int count, long at) {
        for (long id = firstId; id < firstId + count; id++) {
            String segment = LargeCenter.SEGMENTS[random.nextInt(LargeCenter.SEGMENTS.length)];
            engine.apply(new CallArrived(at, id, Direction.INBOUND, "line-" + segment, "+12025551234", "+15550000",
                    null), DISCARD);
            List<SkillRequirement> skills = random.nextInt(4) == 0
                    ? List.of(new SkillRequirement(LargeCenter.skillId(random.nextInt(LargeCenter.CORE_SKILLS)), 2),
                            new SkillRequirement(LargeCenter.skillId(LargeCenter.CORE_SKILLS + random.nextInt(180)), 1))
                    : List.of(new SkillRequirement(LargeCenter.skillId(random.nextInt(LargeCenter.CORE_SKILLS)), 2));
            engine.apply(new CallClassified(at, id, "cust-" + id, segment, 1_000, null, "t1",
                    segment.equals("partner") ? "partner-1" : null, null, LargeCenter.queueOf(segment),
                    model.segment(segment).orElseThrow().priority(), skills), DISCARD);
            if (!engine.tracks(id)) {
                throw new IllegalStateException("call " + id + " is not waiting");
            }
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static volatile Object sink;

    /** Keeps objects reachable until after the measurements that count them. */
    private static void keep(Object... objects) {
        sink = objects;
        sink = null;
    }
}

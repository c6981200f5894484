package dev.acd.runtime;

import java.util.function.LongSupplier;

import dev.acd.router.pipeline.RouterPipeline;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The server's own meters, bound once per {@link AcdServer}: the journal (events in it, how far each reader is
 * behind), the router's ring and failures, and Micrometer's JVM and process binders (memory, GC, threads, classes,
 * CPU, uptime). Close it to unhook the GC listener.
 */
final class ServerMeters implements AutoCloseable {
    static final String JOURNAL_EVENTS = "acd.journal.events";
    static final String JOURNAL_LAG = "acd.journal.lag";
    static final String RING_REMAINING = "acd.router.ring.remaining";
    static final String ROUTER_FAILURES = "acd.router.failures";

    private final MeterRegistry registry;
    private final LongSupplier journaled;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private ServerMeters(MeterRegistry registry, LongSupplier journaled) {
        this.registry = registry;
        this.journaled = journaled;
    }

    /** Binds the journal, router and JVM meters to {@code registry}. */
    static ServerMeters bind(MeterRegistry registry, LongSupplier journaled, RouterPipeline pipeline) {
        ServerMeters meters = new ServerMeters(registry, journaled);
        FunctionCounter.builder(JOURNAL_EVENTS, journaled, LongSupplier::getAsLong)
                .description("events in the journal: replayed at start plus appended since").register(registry);
        Gauge.builder(RING_REMAINING, pipeline, RouterPipeline::remainingCapacity)
                .description("free slots in the router's ring; near 0 the router is falling behind")
                .register(registry);
        FunctionCounter.builder(ROUTER_FAILURES, pipeline, RouterPipeline::failures)
                .description("events that failed in a router pipeline handler").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        meters.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return meters;
    }

    /** {@value #JOURNAL_LAG} for one reader that reads from the journal's first event. */
    void journalReader(String reader, LongSupplier eventsRead) {
        Gauge.builder(JOURNAL_LAG, () -> Math.max(0, journaled.getAsLong() - eventsRead.getAsLong()))
                .tag("reader", reader).baseUnit("events")
                .description("journal events the reader has not read yet").register(registry);
    }

    @Override
    public void close() {
        gc.close();
    }
}

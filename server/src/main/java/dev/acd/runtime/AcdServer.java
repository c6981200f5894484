package dev.acd.runtime;

import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.acd.config.AcdConfig;
import dev.acd.commands.CallIds;
import dev.acd.commands.CommandRouting;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.router.pipeline.RouterPipeline;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server's spine: the journal, the router rebuilt from it, the pipeline that routes and journals every
 * event, the ticks, and the services started on top, closed in reverse order.
 */
public final class AcdServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AcdServer.class);

    private final AtomicReference<AcdConfig> config;
    private final Clock clock;
    private final Journal journal;
    private final RouterPipeline pipeline;
    private final CommandRouting commands = new CommandRouting();
    private final CallIds callIds;
    private final AtomicLong configVersion;
    /**
     * Newest first. Concurrent, not locked: a service closing may still look another up (QA's workers ask how many
     * calls carry audio), and a lock held across the closes made such a look-up wait for the close it was part of.
     */
    private final Deque<AutoCloseable> services = new ConcurrentLinkedDeque<>();
    private final Ticker ticker;
    private final StartReport startReport;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Events in the journal: those replayed at start plus those the pipeline appended since. */
    private final AtomicLong journaled = new AtomicLong();
    private final ServerMeters serverMeters;

    private AcdServer(AcdConfig config, JournalSettings journalSettings, Clock clock,
                      PipelineSettings pipelineSettings) {
        this.config = new AtomicReference<>(config);
        this.clock = clock;
        this.journal = Journal.open(journalSettings, clock);
        Recovery recovery = Recovery.replay(journal);
        this.callIds = new CallIds(recovery.lastCallId());
        this.configVersion = new AtomicLong(recovery.lastConfigVersion());
        this.journaled.set(recovery.events());
        this.pipeline = new RouterPipeline(recovery.engine(), event -> {
            journal.append(event);
            journaled.incrementAndGet();
        }, commands, pipelineSettings);
        this.serverMeters = ServerMeters.bind(metrics, journaled::get, pipeline);
        long now = clock.millis();
        var lost = recovery.closeLiveCalls(now);
        lost.forEach(pipeline::publish);
        boolean configChanged = !config.model().equals(recovery.engine().model());
        if (configChanged) {
            publishConfig(config, now);
        }
        this.ticker = new Ticker(pipeline, clock, config.tickIntervalMs());
        this.startReport = new StartReport(recovery.events(), lost.size(), configChanged, configVersion.get());
        LOG.info("journal {}: {} events replayed, {} live calls closed as lost, configuration version {}{}",
                journalSettings.dir(), recovery.events(), lost.size(), configVersion.get(),
                configChanged ? " (new)" : "");
    }

    /** Opens the journal the configuration names, rebuilds the router from it and starts routing. */
    public static AcdServer start(AcdConfig config, Clock clock) {
        return start(config, config.journal(), clock, pipelineSettings(config));
    }

    /** The router pipeline as the configuration asks for it ({@code routerWaitStrategy}). */
    public static PipelineSettings pipelineSettings(AcdConfig config) {
        return new PipelineSettings(PipelineSettings.DEFAULT.ringSize(),
                config.routerWaitStrategy().name().toLowerCase(Locale.ROOT));
    }

    /** The same with another journal (the command line's {@code --journal}, a test's temporary directory). */
    public static AcdServer start(AcdConfig config, JournalSettings journal, Clock clock,
                                  PipelineSettings pipelineSettings) {
        return new AcdServer(config, journal, clock, pipelineSettings);
    }

    /** What start-up found in the journal. */
    public record StartReport(long eventsReplayed, int callsClosedAsLost, boolean newConfiguration,
                              long configVersion) {
    }

    public StartReport startReport() {
        return startReport;
    }

    /** Where the edges put events: they are routed, journaled, and their commands sent, in order. */
    public EventPublisher events() {
        return pipeline;
    }

    /** Whether a rep is logged in as the router sees it now; any thread, never waits. */
    public boolean repLoggedIn(String repId) {
        return pipeline.loggedInReps().contains(repId);
    }

    /** The configuration in force. */
    public AcdConfig config() {
        return config.get();
    }

    public Clock clock() {
        return clock;
    }

    /** The journal, for readers (tailers for live views, QA, statistics); only the pipeline appends. */
    public Journal journal() {
        return journal;
    }

    /** Call ids for new calls, numbered after the journal's highest so they stay unique across restarts. */
    public CallIds callIds() {
        return callIds;
    }

    /** Where call-control services (SIP, Asterisk) register as origins and claim their calls' commands. */
    public CommandRouting commands() {
        return commands;
    }

    /** The server's meters: services bind theirs here; the HTTP API serves them as {@code /metrics}. */
    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /**
     * Meters how far a journal reader is behind: {@code acd.journal.lag} tagged {@code reader}, in events, the
     * journal's events less what {@code eventsRead} says the reader has read. The reader must read from the journal's
     * first event (as the API's live state and QA do), so its count compares with the journal's.
     */
    public void meterJournalReader(String reader, java.util.function.LongSupplier eventsRead) {
        serverMeters.journalReader(reader, eventsRead);
    }

    /** Hands a started service to the server, which closes it (before its own parts, newest first) on close. */
    public <T extends AutoCloseable> T host(T service) {
        services.push(service);
        return service;
    }

    /** The hosted service of this type (the SIP service, QA), if one was started; for the API and tests. */
    public <T> java.util.Optional<T> service(Class<T> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Puts a new configuration in force: the router gets it as a journaled {@link ConfigChanged}, in order with the
     * events around it. The caller has validated it; a configuration that failed validation never gets here.
     * Returns the version it is journaled as.
     */
    public synchronized long reconfigure(AcdConfig next) {
        config.set(next);
        return publishConfig(next, clock.millis());
    }

    private long publishConfig(AcdConfig next, long now) {
        long version = configVersion.incrementAndGet();
        pipeline.publish(new ConfigChanged(now, version, next.source(), next.model()));
        return version;
    }

    /** Stops the services, then the ticks, drains the router and closes the journal. */
    @Override
    public void close() {
        AutoCloseable service;
        while ((service = services.pollFirst()) != null) {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", service, e);
            }
        }
        ticker.close();
        pipeline.close();
        journal.close();
        serverMeters.close();
        metrics.close();
    }
}

package dev.acd.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.asterisk.agi.AgiScripts;
import dev.acd.asterisk.agi.AnsweredScript;
import dev.acd.asterisk.agi.CallbackScript;
import dev.acd.asterisk.agi.FastAgiService;
import dev.acd.asterisk.agi.ResultScript;
import dev.acd.asterisk.agi.RouteScript;
import dev.acd.asterisk.ami.AmiConnection;
import dev.acd.asterisk.ami.AmiEvents;
import dev.acd.asterisk.recording.RecordingWatcher;
import dev.acd.commands.CallIds;
import dev.acd.commands.CommandRouting;
import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.time.Clock;

/**
 * Starts and stops the Asterisk adapter as the configuration's {@code asterisk} section asks: the FastAGI routing
 * service, the manager-interface ingestion (with bring-your-own-queue mode) and the MixMonitor recordings watcher.
 * The server runtime gives it the router's publisher and its {@link CommandRouting}, where it registers the
 * {@link AsteriskCalls#ORIGIN} origin. Start once, close once.
 */
public final class AsteriskRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskRuntime.class);

    /**
     * Timings that are not configuration (tests shorten them).
     *
     * @param livenessCheckMs     how often a waiting AGI script checks that its channel is still there
     * @param musicClass          the music-on-hold class played while a call waits
     * @param amiBackoffInitialMs first wait before logging in again to the manager interface
     * @param amiBackoffMaxMs     longest wait between tries
     * @param recordingScanMs     how often the recordings directory is scanned
     * @param wrapUpSweepMs       how often bring-your-own-queue wrap-ups are checked for their end when no AMI event
     *                            comes
     */
    public record Tuning(long livenessCheckMs, String musicClass, long amiBackoffInitialMs, long amiBackoffMaxMs,
                         long recordingScanMs, long wrapUpSweepMs) {
        public static final Tuning DEFAULT = new Tuning(1_000, "default", 500, 30_000, 2_000, 1_000);
    }

    private final AcdConfig config;
    private final AsteriskSettings settings;
    private final EventPublisher publisher;
    private final CallIds ids;
    private final Clock clock;
    private final Tuning tuning;
    private final AsteriskCalls calls;
    private final List<AutoCloseable> running = new ArrayList<>();
    private RouteScript route;
    private AmiConnection ami;

    public AsteriskRuntime(AcdConfig config, EventPublisher publisher, CommandRouting commands, CallIds ids,
                           Clock clock, Tuning tuning) {
        this.config = config;
        this.settings = config.asterisk();
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
        this.tuning = tuning;
        this.calls = new AsteriskCalls(publisher, commands, ids);
        commands.addOrigin(AsteriskCalls.ORIGIN, calls);
    }

    /** Starts what the settings turn on. */
    public void start() {
        if (settings.fastAgiEnabled()) {
            route = new RouteScript(calls, publisher, config.model(), config.customers(),
                    new DialStrings(settings.trunkDialPattern()), clock, settings.maxWaitingCalls(),
                    tuning.livenessCheckMs(), tuning.musicClass());
            AgiScripts scripts = new AgiScripts(route, new ResultScript(calls, clock), new AnsweredScript(calls, clock),
                    new CallbackScript(calls, clock));
            FastAgiService agi = new FastAgiService(scripts, settings.fastAgiBind(), settings.fastAgiPort(),
                    settings.maxWaitingCalls());
            agi.start();
            running.add(agi);
            LOG.info("FastAGI routing service on {}:{} (at most {} waiting calls)", settings.fastAgiBind(),
                    settings.fastAgiPort(), settings.maxWaitingCalls());
        }
        if (settings.amiEnabled()) {
            AmiEvents events = new AmiEvents(calls, publisher, ids, config.model(), config.customers(), clock,
                    settings.bringYourOwnQueue());
            ami = new AmiConnection(settings.amiHost(), settings.amiPort(), settings.amiUser(), settings.amiSecret(),
                    events, tuning.amiBackoffInitialMs(), tuning.amiBackoffMaxMs());
            ami.start();
            running.add(ami);
            calls.channelHangUp(ami::hangUp);
            if (settings.bringYourOwnQueue()) {
                ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "asterisk-wrap-up-sweep");
                    thread.setDaemon(true);
                    return thread;
                });
                sweeper.scheduleWithFixedDelay(events::sweep, tuning.wrapUpSweepMs(), tuning.wrapUpSweepMs(),
                        TimeUnit.MILLISECONDS);
                running.add(sweeper::shutdownNow);
            }
        }
        if (settings.recordingsDirectory() != null) {
            RecordingWatcher watcher = new RecordingWatcher(settings.recordingsDirectory(), publisher, clock,
                    tuning.recordingScanMs());
            watcher.start();
            running.add(watcher);
        }
    }

    /** The calls under way. */
    public AsteriskCalls calls() {
        return calls;
    }

    /** Whether the manager interface is logged in (false when it is off). */
    public boolean amiConnected() {
        return ami != null && ami.isConnected();
    }

    /** Logins to the manager interface since start; more than one means it reconnected. */
    public long amiLogins() {
        return ami == null ? 0 : ami.logins();
    }

    /** Stops everything; waiting AGI calls are let go with ACD_STATUS=UNAVAILABLE. */
    @Override
    public void close() {
        if (route != null) {
            route.stop();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", running.get(i), e.toString());
            }
        }
        running.clear();
    }
}

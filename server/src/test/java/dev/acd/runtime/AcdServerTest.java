package dev.acd.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.core.call.Classifier;
import dev.acd.core.command.Command;
import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.StatsProjection;
import dev.acd.core.time.ManualClock;
import dev.acd.router.pipeline.PipelineSettings;

class AcdServerTest {
    private static final String REP = "ava.chen";
    /** Not in the directory: the default segment, whose home team is Ava's. */
    private static final String UNKNOWN_CALLER = "+1 999 555 0100";
    private static AcdConfig config;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_795_000_000_000L);
    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void loadConfig() throws Exception {
        config = ConfigLoader.loadDefault();
    }

    @Test
    void shouldOfferAQueuedCallToTheReadyRepAndJournalItsEvents() {
        long callId;
        try (AcdServer server = start()) {
            callId = arriveOnSales(server, UNKNOWN_CALLER);
            OfferCall offer = awaitOffer(callId);
            assertEquals(REP, offer.repId());
        }
        List<Event> journaled = journaled();
        assertTrue(journaled.stream().anyMatch(e -> e instanceof CallArrived a && a.callId() == callId));
        assertEquals(1, journaled.stream().filter(e -> e instanceof ConfigChanged).count(),
                "a new journal starts with the configuration");
    }

    @Test
    void shouldCloseLiveCallsAsLostAndKeepRepStatesWhenRestartedOnTheSameJournal() {
        long callId;
        try (AcdServer server = start()) {
            callId = arriveOnSales(server, UNKNOWN_CALLER);
            awaitOffer(callId);
            clock.advance(5_000);
            server.events().publish(new CallAnswered(clock.millis(), callId, REP));
        }
        clock.advance(60_000);
        try (AcdServer restarted = start()) {
            AcdServer.StartReport report = restarted.startReport();
            assertEquals(1, report.callsClosedAsLost());
            assertFalse(report.newConfiguration(), "the same configuration is not journaled again");
            assertTrue(restarted.callIds().next() > callId, "call ids go on after the journal's last");
        }
        List<Event> journaled = journaled();
        CallEnded ended = journaled.stream().filter(e -> e instanceof CallEnded).map(e -> (CallEnded) e)
                .findFirst().orElseThrow();
        assertEquals(callId, ended.callId());
        assertEquals(Party.SYSTEM, ended.endedBy());
        assertEquals(Recovery.LOST_AT_RESTART, ended.reason());

        StatsProjection stats = new StatsProjection(config.zone());
        journaled.forEach(stats::apply);
        assertEquals(1, stats.report(Grouping.REP).totals().value(Metric.HANDLED));
        assertEquals(60, stats.report(Grouping.REP).totals().value(Metric.TALK_TIME), 0.001,
                "talk time runs to the restart that closed the call");

        clock.advance(10 * 60_000);
        try (AcdServer third = start()) {
            assertEquals(0, third.startReport().callsClosedAsLost(), "a lost call stays closed");
            // The rep's wrap-up after the lost call has run out; she is still logged in and takes the next call
            // without logging in again.
            third.events().publish(new Tick(clock.millis()));
            long next = arrive(third, UNKNOWN_CALLER);
            assertEquals(REP, awaitOffer(next).repId());
        }
    }

    @Test
    void shouldJournalANewConfigurationVersionWhenReconfigured() {
        try (AcdServer server = start()) {
            server.reconfigure(config);
        }
        List<Long> versions = journaled().stream().filter(e -> e instanceof ConfigChanged)
                .map(e -> ((ConfigChanged) e).version()).toList();
        assertEquals(List.of(1L, 2L), versions);
    }

    @Test
    void shouldAnswerALookUpFromAnotherThreadWhileItClosesItsServices() {
        // QA's workers ask for the SIP service while QA is being closed: the look-up must not wait for that close
        AcdServer server = start();
        AutoCloseable sip = () -> { };
        AtomicReference<Optional<AutoCloseable>> seen = new AtomicReference<>();
        server.host(sip);
        server.host(() -> seen.set(CompletableFuture.supplyAsync(() -> server.service(AutoCloseable.class))
                .get(10, TimeUnit.SECONDS)));

        server.close();

        assertEquals(Optional.of(sip), seen.get(), "the look-up made during the close was answered");
    }

    private AcdServer start() {
        AcdServer server = AcdServer.start(config, new JournalSettings(dir, JournalSettings.KEEP_FOREVER), clock,
                PipelineSettings.DEFAULT);
        server.commands().addOrigin("test", commands::add);
        return server;
    }

    private long arriveOnSales(AcdServer server, String caller) {
        server.events().publish(new RepLoggedIn(clock.millis(), REP));
        server.events().publish(new RepReady(clock.millis(), REP));
        return arrive(server, caller);
    }

    private long arrive(AcdServer server, String caller) {
        Line sales = config.model().line("sales").orElseThrow();
        long callId = server.callIds().next();
        server.commands().claim(callId, "test");
        server.events().publish(new CallArrived(clock.millis(), callId, Direction.INBOUND, sales.id(), caller,
                sales.number(), null));
        server.events().publish(new Classifier(config.model(), config.customers())
                .classify(clock.millis(), callId, sales, caller));
        return callId;
    }

    private OfferCall awaitOffer(long callId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> commands.stream()
                .anyMatch(c -> c instanceof OfferCall o && o.callId() == callId));
        return commands.stream().filter(c -> c instanceof OfferCall o && o.callId() == callId)
                .map(c -> (OfferCall) c).findFirst().orElseThrow();
    }

    private List<Event> journaled() {
        List<Event> events = new ArrayList<>();
        try (Journal journal = Journal.open(new JournalSettings(dir, JournalSettings.KEEP_FOREVER), clock);
             JournalReader reader = journal.readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }
}

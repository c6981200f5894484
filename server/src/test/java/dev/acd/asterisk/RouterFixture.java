package dev.acd.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.acd.commands.CallIds;
import dev.acd.commands.CommandRouting;
import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.stats.StatsProjection;
import dev.acd.core.time.Clock;
import dev.acd.router.RoutingEngine;
import dev.acd.router.pipeline.JournalWriter;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.router.pipeline.RouterPipeline;

/**
 * The real router on a Disruptor pipeline with a real journal in a temporary directory, a small center (queue sales
 * on line sales, reps anna and ben on softphones, fred at an outside number) and the Asterisk adapter on top.
 */
final class RouterFixture implements AutoCloseable {
    static final String CENTER = String.join("\n",
            "routing: { defaultSegment: smb, misses: { noAnswer: 1 } }",
            "skills: [ { id: crm } ]",
            "segments: [ { id: smb, homeTeams: [inside] } ]",
            "queues: [ { id: sales, ringTimeoutSeconds: 15, wrapUpSeconds: 5, shortAbandonSeconds: 0, tiers: [ { name: anyone, scope: SKILLED } ] } ]",
            "lines: [ { id: sales, number: \"+1 212 555 0100\", queue: sales } ]",
            "reps:",
            "  - { id: anna, team: inside, skills: { crm: 5 } }",
            "  - { id: ben, team: inside, skills: { crm: 4 } }",
            "  - { id: fred, team: inside, skills: { crm: 3 }, reach: { outsideNumber: \"+1 312 555 0147\" } }",
            "customers:",
            "  inline: [ { id: c1, name: Acme, numbers: [\"+1 415 555 0101\"], segment: smb } ]",
            "");

    final Journal journal;
    final CommandRouting commands = new CommandRouting();
    final RouterPipeline router;
    final AcdConfig config;
    final AsteriskRuntime asterisk;
    final int agiPort;
    final int amiPort;

    RouterFixture(Path dir, String asteriskSection, AsteriskRuntime.Tuning tuning) throws Exception {
        this(dir, CENTER, asteriskSection, tuning);
    }

    /** The same with another center: {@code center} is the configuration without its asterisk section. */
    RouterFixture(Path dir, String center, String asteriskSection, AsteriskRuntime.Tuning tuning) throws Exception {
        agiPort = freePort();
        amiPort = freePort();
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, center + asteriskSection.replace("{agiPort}", Integer.toString(agiPort))
                        .replace("{amiPort}", Integer.toString(amiPort)),
                StandardCharsets.UTF_8);
        config = ConfigLoader.load(file);
        journal = Journal.open(new JournalSettings(dir.resolve("journal"), 0));
        JournalWriter writer = journal::append;
        router = new RouterPipeline(new RoutingEngine(), writer, commands, new PipelineSettings(1024, "blocking"));
        router.publish(new ConfigChanged(Clock.SYSTEM.millis(), 1, "test", config.model()));
        asterisk = new AsteriskRuntime(config, router, commands, new CallIds(0), Clock.SYSTEM, tuning);
        asterisk.start();
    }

    /** Everything journaled so far, in order. */
    List<Event> journaled() {
        List<Event> events = new ArrayList<>();
        try (JournalReader reader = journal.readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }

    <T extends Event> List<T> journaled(Class<T> type) {
        return journaled().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Statistics computed from the journal, as the stats command does. */
    StatsProjection stats() {
        StatsProjection stats = new StatsProjection();
        journaled().forEach(stats::apply);
        return stats;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        asterisk.close();
        router.close();
        journal.close();
    }
}

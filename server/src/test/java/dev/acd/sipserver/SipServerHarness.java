package dev.acd.sipserver;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;
import dev.acd.config.ConfigLoader;
import dev.acd.config.SipSettings;
import dev.acd.core.event.Event;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.Services;
import dev.acd.sip.transport.SipTransport;
import dev.acd.testkit.Sipp;

/**
 * The real server for SIP tests: the demo configuration with SIP on 127.0.0.1 and an ephemeral port (the Asterisk
 * adapter off, so nothing else binds a fixed port), on a journal in a temporary directory, started through
 * {@link Services#startAll} as {@code acd run} does.
 */
final class SipServerHarness implements AutoCloseable {
    /** The demo credentials every demo softphone has: user, password "demo-" + user. */
    static final String USER = "ava.chen";
    static final String PASSWORD = "demo-ava.chen";

    final AcdServer server;
    final SipService sip;
    final List<String> startLines;

    private SipServerHarness(AcdServer server, List<String> startLines) {
        this.server = server;
        this.startLines = startLines;
        this.sip = server.service(SipService.class).orElseThrow();
    }

    /**
     * Starts the server with the demo's sip settings changed by {@code change}. The demo offers MD5 only, which SIPp
     * 3.6 (no SHA-256) and baresip 1.0 need.
     */
    static SipServerHarness start(Path dir, UnaryOperator<SipSettings> change) throws Exception {
        AcdConfig demo = ConfigLoader.loadDefault();
        SipSettings sip = demo.sip().listeningOn("127.0.0.1", 0);
        AcdConfig config = demo.withAsterisk(AsteriskSettings.OFF).withSip(change.apply(sip))
                .withHttp(demo.http().listeningOn("127.0.0.1", 0));
        AcdServer server = AcdServer.start(config, new JournalSettings(dir.resolve("journal"), 0), Clock.SYSTEM,
                PipelineSettings.DEFAULT);
        try {
            return new SipServerHarness(server, Services.startAll(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    InetSocketAddress address(Sipp.Transport transport) {
        return transport == Sipp.Transport.UDP ? sip.udpAddress() : sip.tcpAddress();
    }

    InetSocketAddress address(SipTransport transport) {
        return transport == SipTransport.UDP ? sip.udpAddress() : sip.tcpAddress();
    }

    /** Every event journaled so far, in order. */
    List<Event> journal() {
        List<Event> events = new ArrayList<>();
        try (JournalReader reader = server.journal().readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }

    /** The journaled events of one type, in order. */
    <T extends Event> List<T> journaled(Class<T> type) {
        return journal().stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}

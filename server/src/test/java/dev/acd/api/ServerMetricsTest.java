package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.config.AcdConfig;
import dev.acd.config.AsteriskSettings;
import dev.acd.config.ConfigLoader;
import dev.acd.config.Distribution;
import dev.acd.config.SimulationSettings;
import dev.acd.config.SoftphoneCredential;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.Event;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.model.Line;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.time.Clock;
import dev.acd.demo.DemoCustomers;
import dev.acd.demo.DemoReps;
import dev.acd.demo.Pace;
import dev.acd.demo.PublishingDesk;
import dev.acd.demo.RepAccount;
import dev.acd.demo.RepPickup;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.Services;
import dev.acd.sipserver.SipService;

/**
 * {@code /metrics} of the real server (journal, router, SIP, call control, HTTP, QA) on 127.0.0.1: one customer calls
 * the demo's first line over SIP and RTP, a simulated rep's softphone answers, and the scrape, parsed as Prometheus
 * text, shows the call offered and handled, the SIP transactions and RTP packets it took, and the JVM.
 */
class ServerMetricsTest {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private final List<AutoCloseable> running = new ArrayList<>();
    private AcdServer server;
    private HttpClient http;
    private URI metrics;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : running) {
            part.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return PrometheusText.parse(response.body());
    }

    @Test
    void shouldShowACallsSipRtpAndRoutingInTheMetricsWhenACustomerCallsAndARepAnswers() throws Exception {
        AcdConfig demo = ConfigLoader.loadDefault();
        AcdConfig config = demo.withAsterisk(AsteriskSettings.OFF)
                .withSip(demo.sip().listeningOn("127.0.0.1", 0))
                .withHttp(demo.http().listeningOn("127.0.0.1", 0));
        server = AcdServer.start(config, new JournalSettings(dir.resolve("journal"), 0), Clock.SYSTEM,
                PipelineSettings.DEFAULT);
        Services.startAll(server);
        ApiServer api = server.service(ApiServer.class).orElseThrow();
        InetSocketAddress sip = server.service(SipService.class).orElseThrow().udpAddress();
        http = HttpClient.newHttpClient();
        metrics = URI.create("http://127.0.0.1:" + api.port() + "/metrics");

        PrometheusText before = scrape();
        assertEquals(0.0, before.sum("acd_calls_offered_total"), "no call yet");
        assertEquals(0.0, before.value("acd_sip_calls_inbound_total", Map.of()));
        assertEquals(0.0, before.value("acd_rtp_packets_received_total", Map.of()));
        assertEquals("gauge", before.types.get("jvm_memory_used_bytes"));
        assertTrue(before.value("process_uptime_seconds", Map.of()) > 0);
        assertTrue(before.value("jvm_threads_live_threads", Map.of()) > 0);
        assertFalse(Double.isNaN(before.value("system_cpu_count", Map.of())));
        assertTrue(before.value("acd_router_ring_remaining", Map.of()) > 0);
        assertEquals("gauge", before.types.get("acd_journal_lag_events"));

        // polite simulated people: reps always answer and talk for long, the caller never gives up, no call arrives
        // by itself
        SimulationSettings t = config.simulation();
        SimulationSettings traffic = new SimulationSettings(t.seed(), Map.of(), t.dailyProfile(),
                Distribution.fixed(3_600), t.wrapTime(), 0, 0, t.answerDelay(), 0, 0, 0, 0, 0, t.dispositionMix(),
                t.revenueMeans(), t.shiftStart(), t.shiftEnd());
        Pace pace = new Pace(20);
        List<RepAccount> accounts = insideReps(config);
        DemoReps reps = DemoReps.start(new DemoReps.Settings(sip, config.credentials().realm(), traffic, pace, 7,
                44_000, 44_999), accounts, new PublishingDesk(server.events(), Clock.SYSTEM));
        running.add(0, reps);
        // every phone registered and its rep ready before the call
        await().atMost(LIMIT).until(() -> scrape().value("acd_reps", Map.of("state", "READY")) == accounts.size());
        await().atMost(LIMIT).until(() -> scrape().value("acd_sip_registrar_bindings", Map.of()) == accounts.size());
        DemoCustomers customers = DemoCustomers.start(new DemoCustomers.Settings(sip, traffic, pace, 8, 45_000,
                45_999), config.model().lines(), List.of(), RepPickup.NEVER);
        running.add(0, customers);

        Line line = config.model().lines().get(0);
        customers.call(line);

        try {
            await().atMost(LIMIT).until(() -> scrape().sum("acd_calls_handled_total") == 1.0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the call was not handled; customers " + customers.stats() + ", reps "
                    + reps.stats() + ", commands call control found no call for: "
                    + scrape().value("acd_sip_calls_ignored_commands_total", Map.of()) + ", journal:\n"
                    + new JournalTail(server), e);
        }
        await().atMost(LIMIT).until(() -> scrape().value("acd_rtp_packets_received_total", Map.of()) > 50
                && scrape().value("acd_rtp_packets_sent_total", Map.of()) > 50);
        PrometheusText after = scrape();
        assertEquals(1.0, after.sum("acd_calls_offered_total"));
        assertEquals(0.0, after.sum("acd_calls_abandoned_total"));
        assertEquals(1.0, after.value("acd_sip_calls_inbound_total", Map.of()));
        assertEquals(0.0, after.value("acd_sip_calls_refused_total", Map.of()));
        assertTrue(after.value("acd_sip_requests_received_total", Map.of())
                > before.value("acd_sip_requests_received_total", Map.of()), "INVITE, ACK and REGISTERs arrived");
        assertTrue(after.value("acd_sip_transactions_started_total", Map.of("kind", "server")) >= 2,
                "the customer's INVITE and the reps' REGISTERs");
        assertTrue(after.value("acd_sip_transactions_started_total", Map.of("kind", "client")) >= 1,
                "the INVITE to the rep");
        assertTrue(after.value("acd_sip_responses_errors_sent_total", Map.of("class", "4xx")) >= 1,
                "REGISTER and the call to a rep's phone are challenged first");
        assertTrue(after.value("acd_rtp_endpoints", Map.of()) >= 2, "the customer's and the rep's legs");
        assertEquals("counter", after.types.get("acd_rtp_packets_lost_total"));
        assertEquals(1.0, after.value("acd_sip_calls_live", Map.of()));
        assertTrue(after.value("acd_journal_events_total", Map.of())
                > before.value("acd_journal_events_total", Map.of()));
        await().atMost(LIMIT).until(() -> scrape().value("acd_journal_lag_events", Map.of("reader", "api")) == 0.0);
        await().atMost(LIMIT).until(() -> scrape().value("acd_journal_lag_events", Map.of("reader", "qa")) == 0.0);
    }

    /** The call events the journal holds, for a failure message. */
    private record JournalTail(AcdServer server) {
        @Override
        public String toString() {
            StringBuilder events = new StringBuilder();
            try (JournalReader reader = server.journal().readFromStart()) {
                for (Event e = reader.next(); e != null; e = reader.next()) {
                    if (e instanceof CallEvent) {
                        events.append(e).append('\n');
                    }
                }
            }
            return events.toString();
        }
    }

    /** The inside reps with softphone credentials, as the demo logs them in. */
    private static List<RepAccount> insideReps(AcdConfig config) {
        List<RepAccount> accounts = new ArrayList<>();
        for (SoftphoneCredential credential : config.credentials().softphones()) {
            Rep rep = config.model().rep(credential.repId()).orElse(null);
            if (rep != null && rep.kind() == RepKind.INSIDE) {
                accounts.add(new RepAccount(credential.user(), "demo-" + credential.user(), rep.id()));
            }
        }
        return accounts;
    }
}

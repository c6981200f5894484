package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.model.Direction;

/** {@code /metrics} in Prometheus text format, with the live meters moving as a call's events are journaled. */
class ApiMetricsTest {
    private static final long NINE = java.time.Instant.parse("2026-11-23T14:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    ApiHarness api;
    String queue;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, NINE);
        queue = api.config.model().queues().get(0).id();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> response = api.get("/metrics", null);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
        return PrometheusText.parse(response.body());
    }

    private void queued(long callId, long at) {
        api.journal(new CallArrived(at, callId, Direction.INBOUND, "line", "+15550100", "+15550000", null),
                new CallClassified(at, callId, null, "smb", 0, null, null, null, null, queue, 1, List.of()),
                new CallQueued(at, callId, queue, 1));
    }

    @Test
    void shouldCountOfferedHandledAndAbandonedCallsAndGaugeTheQueue() throws Exception {
        Map<String, String> inQueue = Map.of("queue", queue);
        PrometheusText before = scrape();
        assertEquals("counter", before.types.get("acd_calls_offered_total"));
        assertEquals("gauge", before.types.get("acd_reps"));

        api.journal(new RepLoggedIn(NINE, ApiHarness.REP), new RepReady(NINE, ApiHarness.REP));
        queued(1, NINE + 1_000);
        queued(2, NINE + 2_000);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                scrape().value("acd_queue_waiting", inQueue) == 2.0);
        PrometheusText waiting = scrape();
        assertEquals(2.0, waiting.value("acd_calls_offered_total", inQueue));
        assertEquals(1.0, waiting.value("acd_reps", Map.of("state", "READY")));

        api.journal(new CallAnswered(NINE + 5_000, 1, ApiHarness.REP), new CallAbandoned(NINE + 60_000, 2));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                scrape().value("acd_calls_handled_total", inQueue) == 1.0);
        PrometheusText after = scrape();
        assertEquals(1.0, after.value("acd_calls_abandoned_total", inQueue));
        assertEquals(0.0, after.value("acd_queue_waiting", inQueue));
        assertEquals(1.0, after.value("acd_reps", Map.of("state", "ON_CALL")));
    }

    @Test
    void shouldScrapeWithoutLoginAndKeepTheHostsOwnMeters() throws Exception {
        api.registry.counter("acd.host.started").increment();
        PrometheusText metrics = scrape();
        assertEquals(1.0, metrics.value("acd_host_started_total", Map.of()));
    }
}

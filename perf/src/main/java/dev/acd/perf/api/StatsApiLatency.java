package dev.acd.perf.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.ApiServer;
import dev.acd.api.ApiSettings;
import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /api/stats} latency over a day of journal: the simulator writes the demo company's day (today in the
 * center's zone), the API starts on it and reads it, then one supervisor asks for today's figures by queue, rep,
 * segment and 15-minute interval (served from the live projection), and by queue in UTC (a zone other than the
 * center's: the API projects the whole journal afresh, as {@code acd stats} does). Requests go one at a time over
 * one keep-alive connection; the time is from send to the whole body received, in microseconds.
 *
 * <p>Usage: {@code StatsApiLatency [requests per query, default 2000] [UTC requests, default 30] [scale, default
 * 1]}; scale multiplies the demo's calls and inside reps. Checks each answer has rows and that today's offered
 * calls are the simulator's.
 */
public final class StatsApiLatency {
    private StatsApiLatency() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int replayRequests = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int scale = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        AcdConfig config = ConfigLoader.loadDefault();
        Path dir = Files.createTempDirectory("acd-stats-bench");
        SimulatedDay day = SimulatedDay.write(config, dir.resolve("journal"), config.simulation().seed(), scale);
        System.out.printf(Locale.ROOT, "simulated day (scale %d): %,d calls, %,d events, written in %.1f s%n",
                scale, day.calls(), day.events(), day.seconds());
        ObjectMapper json = new ObjectMapper();
        try (Journal journal = Journal.open(new JournalSettings(day.dir(), 0))) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            long started = System.nanoTime();
            ApiServer api = ApiServer.start(ApiSettings.defaults().withPort("127.0.0.1", 0), journal,
                    ReadOnly.PUBLISHER, () -> config, Clock.SYSTEM, registry);
            try {
                while (!api.ready()) {
                    Thread.onSpinWait();
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                System.out.printf(Locale.ROOT, "API ready (journal read) in %.2f s%n",
                        (System.nanoTime() - started) / 1e9);
                ApiClient client = new ApiClient(api.port()).login("supervisor", "demo-supervisor");
                var rows = json.readTree(client.get("/api/stats?by=queue")).get("rows");
                long offered = rows.get(rows.size() - 1).path("offered").asLong(); // the totals row is last
                System.out.printf(Locale.ROOT, "check: %,d calls offered to queues today (the simulator placed "
                        + "%,d calls)%n%n", offered, day.calls());
                if (offered == 0) {
                    throw new IllegalStateException("the API shows no calls offered today: is the day today?");
                }
                System.out.println("| query | " + Percentiles.HEADER.substring(2) + " body |");
                System.out.println("|---" + Percentiles.RULE + "---|");
                for (String query : List.of("by=queue", "by=rep", "by=segment", "by=interval")) {
                    measure(client, json, "/api/stats?" + query, requests);
                }
                measure(client, json, "/api/stats?by=queue&zone=UTC", replayRequests);
            } finally {
                api.close();
            }
        }
        System.out.println();
        System.out.println(Percentiles.machine());
    }

    private static void measure(ApiClient client, ObjectMapper json, String path, int requests) throws Exception {
        int warmUp = Math.max(5, requests / 10);
        int bytes = 0;
        Histogram us = new Histogram(60_000_000L, 3);
        for (int i = 0; i < warmUp + requests; i++) {
            long t0 = System.nanoTime();
            String body = client.get(path);
            long took = (System.nanoTime() - t0) / 1_000;
            if (i >= warmUp) {
                us.recordValue(Math.min(took, us.getHighestTrackableValue()));
            }
            bytes = body.length();
        }
        if (json.readTree(client.get(path)).get("rows").isEmpty()) {
            throw new IllegalStateException(path + " answered no rows");
        }
        System.out.println("| `" + path.substring("/api/stats?".length()) + "` " + Percentiles.row(us)
                + String.format(Locale.ROOT, " %,d B |", bytes));
    }
}

package dev.acd.perf.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.ApiServer;
import dev.acd.api.ApiSettings;
import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import dev.acd.core.model.MaxWaitAction;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Live feed fan-out: {@code N} supervisors' dashboards (WebSocket clients, 200 by default) follow the feed while a
 * simulated day of the demo company is appended to the API's journal at a steady rate. For every call, each client
 * measures the delay from the append of the event that made it appear ({@code CallArrived}) and of the event that
 * ended it (hang-up, abandon, callback, max wait) to the feed message that shows it, received and parsed, in
 * microseconds. The day's clock is the replay's: "now" for the views is the last appended event's time.
 *
 * <p>Everything runs in one JVM on this machine: journal writer, API (its live thread serialises one message per
 * client per change), and the clients (JDK WebSocket on 2 threads, parsing every message with Jackson); so the
 * delays include the clients' own CPU, as dashboards in browsers on the same host would.
 *
 * <p>Usage: {@code LiveFeedFanOut [clients, default 200] [events per second, default 1000] [seconds, default 30]
 * [scale of the simulated center, default 5]}: the first events/s x seconds events of the day are replayed (the
 * demo's day has about 10,000 events; scale multiplies its calls and reps). A call makes about 11 events, so 1,000
 * events/s is about 90 calls/s, and the load test's goal of 1,000 calls/s about 11,000 events/s.
 * Checks that every client saw every call that lived past one feed read.
 */
public final class LiveFeedFanOut {
    private static final int CLIENT_THREADS = 2;

    private final Map<Long, Long> appearedNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> endedNanos = new ConcurrentHashMap<>();
    private final Histogram appear = new ConcurrentHistogram(60_000_000L, 3);
    private final Histogram end = new ConcurrentHistogram(60_000_000L, 3);
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastMessageNanos = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();

    private LiveFeedFanOut() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int scale = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        new LiveFeedFanOut().run(clients, rate, seconds, scale);
    }

    private void run(int clients, int rate, int seconds, int scale) throws Exception {
        AcdConfig config = ConfigLoader.loadDefault();
        Path dir = Files.createTempDirectory("acd-feed-bench");
        SimulatedDay day = SimulatedDay.write(config, dir.resolve("day"), config.simulation().seed(), scale);
        List<Event> events = read(day.dir());
        int toAppend = (int) Math.min(events.size(), (long) rate * seconds);
        System.out.printf(Locale.ROOT, "simulated day (scale %d): %,d calls, %,d events; replaying %,d of them at "
                + "%,d events/s to %d feed clients%n", scale, day.calls(), events.size(), toAppend, rate, clients);
        ReplayClock clock = new ReplayClock(events.get(0).at());
        ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENT_THREADS);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        List<WebSocket> sockets = new ArrayList<>();
        try (Journal journal = Journal.open(new JournalSettings(dir.resolve("feed"), 0))) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            ApiServer api = ApiServer.start(ApiSettings.defaults().withPort("127.0.0.1", 0), journal,
                    ReadOnly.PUBLISHER, () -> config, clock, registry);
            try {
                String token = new ApiClient(api.port()).login("supervisor", "demo-supervisor").token();
                CountDownLatch snapshots = new CountDownLatch(clients);
                URI feed = URI.create("ws://127.0.0.1:" + api.port() + "/api/live/feed?access_token=" + token);
                for (int i = 0; i < clients; i++) {
                    sockets.add(http.newWebSocketBuilder().buildAsync(feed, new Dashboard(snapshots)).get(10,
                            TimeUnit.SECONDS));
                }
                if (!snapshots.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(snapshots.getCount() + " clients got no snapshot");
                }
                long started = System.nanoTime();
                replay(journal, events.subList(0, toAppend), rate, clock);
                double appendSeconds = (System.nanoTime() - started) / 1e9;
                long appended = toAppend;
                while (api.eventsRead() < appended) {
                    LockSupport.parkNanos(1_000_000);
                }
                // the last messages are on their way: wait for a quiet second
                while (System.nanoTime() - lastMessageNanos.get() < 1_000_000_000L) {
                    LockSupport.parkNanos(50_000_000);
                }
                report(clients, rate, toAppend, appendSeconds);
            } finally {
                for (WebSocket socket : sockets) {
                    socket.abort();
                }
                api.close();
            }
        } finally {
            clientThreads.shutdownNow();
        }
        System.out.println(Percentiles.machine());
    }

    private static List<Event> read(Path dir) {
        List<Event> events = new ArrayList<>();
        try (Journal journal = Journal.open(new JournalSettings(dir, 0));
             JournalReader reader = journal.readFromStart()) {
            for (Event e = reader.next(); e != null; e = reader.next()) {
                events.add(e);
            }
        }
        return events;
    }

    /** Appends at a steady rate: event i falls due at i / rate seconds; a late writer catches up in a burst. */
    private void replay(Journal journal, List<Event> events, int rate, ReplayClock clock) {
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < events.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Event event = events.get(i);
            clock.at = Math.max(clock.at, event.at());
            // the time goes in before the append, so a client never sees a call before its time is there
            long now = System.nanoTime();
            if (event instanceof CallArrived e) {
                appearedNanos.put(e.callId(), now);
            } else if (event instanceof CallEnded e) {
                endedNanos.putIfAbsent(e.callId(), now);
            } else if (event instanceof CallAbandoned e) {
                endedNanos.putIfAbsent(e.callId(), now);
            } else if (event instanceof CallbackRequested e) {
                endedNanos.putIfAbsent(e.callId(), now);
            } else if (event instanceof MaxWaitReached e && e.action() != MaxWaitAction.OVERFLOW) {
                endedNanos.putIfAbsent(e.callId(), now);
            }
            journal.append(event);
        }
    }

    private void report(int clients, int rate, int appended, double appendSeconds) {
        long calls = appearedNanos.size();
        System.out.printf(Locale.ROOT, "appended %,d events in %.1f s (%,.0f events/s), %,d calls arrived, %,d "
                + "ended; %,d feed messages received (%,.1f MB)%n", appended, appendSeconds, appended / appendSeconds,
                calls, endedNanos.size(), messages.get(), bytes.get() / 1e6);
        System.out.printf(Locale.ROOT, "check: %,d of %,d (clients x calls arrived) appearances seen, %,d of %,d "
                + "ends%n%n", appear.getTotalCount(), clients * calls, end.getTotalCount(),
                clients * (long) endedNanos.size());
        System.out.println("| clients | events/s | delay to | " + Percentiles.HEADER.substring(2));
        System.out.println("|---|---|---" + Percentiles.RULE);
        System.out.println(String.format(Locale.ROOT, "| %d | %,d | call appears ", clients, rate)
                + Percentiles.row(appear));
        System.out.println(String.format(Locale.ROOT, "| %d | %,d | call ends ", clients, rate)
                + Percentiles.row(end));
        System.out.println();
    }

    /** The views' "now": the time of the last appended event. */
    private static final class ReplayClock implements Clock {
        volatile long at;

        ReplayClock(long at) {
            this.at = at;
        }

        @Override
        public long millis() {
            return at;
        }
    }

    /** One supervisor's dashboard: reads every message, times the calls it shows for the first and last time. */
    private final class Dashboard implements WebSocket.Listener {
        private final CountDownLatch snapshots;
        private final Set<Long> shown = new HashSet<>();
        private final StringBuilder partial = new StringBuilder();

        Dashboard(CountDownLatch snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                lastMessageNanos.set(now);
                messages.incrementAndGet();
                bytes.addAndGet(partial.length());
                try {
                    read(json.readTree(partial.toString()), now);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        private void read(JsonNode message, long now) {
            if ("snapshot".equals(message.path("type").asText())) {
                snapshots.countDown();
                return;
            }
            for (JsonNode call : message.path("calls")) {
                long id = call.path("callId").asLong();
                Long appended = appearedNanos.get(id);
                if (appended != null && shown.add(id)) {
                    appear.recordValue(Math.min((now - appended) / 1_000, appear.getHighestTrackableValue()));
                }
            }
            for (JsonNode ended : message.path("callsEnded")) {
                Long appended = endedNanos.get(ended.asLong());
                if (appended != null) {
                    end.recordValue(Math.min((now - appended) / 1_000, end.getHighestTrackableValue()));
                }
            }
        }
    }
}

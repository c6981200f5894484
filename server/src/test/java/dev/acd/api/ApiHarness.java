package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.config.WebPasswords;
import dev.acd.config.WebRole;
import dev.acd.config.WebUser;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A real {@link ApiServer} on an ephemeral port over a journal in a temporary directory. The journal's one writer
 * thread stands in for the router pipeline: events the API publishes are journaled on it, as the router would.
 */
final class ApiHarness implements AutoCloseable {
    static final String SUPERVISOR = "sue";
    static final String REP_USER = "ava";
    static final String OTHER_REP_USER = "ben";
    static final String ADMIN = "ada";
    static final String PASSWORD = "correct horse";
    static final String REP = "ava.chen";
    static final String OTHER_REP = "ben.okafor";

    final AcdConfig config;
    final Journal journal;
    final AtomicLong now = new AtomicLong();
    final Clock clock = now::get;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final List<Event> published = new ArrayList<>();
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "journal-writer"));
    final ApiServer server;

    /** The QA desk behind /api/qa; tests set it. */
    final java.util.concurrent.atomic.AtomicReference<QaDesk> qa =
            new java.util.concurrent.atomic.AtomicReference<>(QaDesk.NONE);

    /** What an admin's configuration reload does; tests set it. */
    final java.util.concurrent.atomic.AtomicReference<ConfigReloader> reloader =
            new java.util.concurrent.atomic.AtomicReference<>(ConfigReloader.NONE);

    ApiHarness(Path dir, long startAt) throws Exception {
        this(dir, startAt, ApiSettings.defaults());
    }

    ApiHarness(Path dir, long startAt, ApiSettings settings) throws Exception {
        now.set(startAt);
        AcdConfig loaded = ConfigLoader.loadDefault();
        String hash = WebPasswords.hash(PASSWORD, WebPasswords.MIN_ITERATIONS);
        config = loaded.withUsers(List.of(new WebUser(SUPERVISOR, WebRole.SUPERVISOR, null, hash),
                new WebUser(REP_USER, WebRole.REP, REP, hash), new WebUser(OTHER_REP_USER, WebRole.REP, OTHER_REP, hash),
                new WebUser(ADMIN, WebRole.ADMIN, null, hash)));
        journal = Journal.open(new JournalSettings(dir.resolve("journal"), JournalSettings.KEEP_FOREVER));
        journal(new ConfigChanged(startAt, 1, "test", config.model()));
        EventPublisher publisher = new EventPublisher() {
            @Override
            public void publish(Event event) {
                synchronized (published) {
                    published.add(event);
                }
                journal(event);
            }

            @Override
            public boolean tryPublish(Event event) {
                publish(event);
                return true;
            }
        };
        server = ApiServer.start(settings.withPort("127.0.0.1", 0).withRecordingsDir(dir), journal, publisher,
                () -> config, clock, registry, new ApiServices(() -> reloader.get().reload(), new QaDesk() {
                    @Override
                    public java.util.List<dev.acd.recorder.qa.ReviewItem> openReviews() {
                        return qa.get().openReviews();
                    }

                    @Override
                    public dev.acd.core.event.QaRated rate(long callId, String supervisorId,
                            java.util.List<dev.acd.recorder.scorecard.ManualRating> ratings) {
                        return qa.get().rate(callId, supervisorId, ratings);
                    }
                }));
        await().atMost(Duration.ofSeconds(10)).until(server::ready);
    }

    /** Appends events on the journal's writer thread, as the router pipeline would. */
    void journal(Event... events) {
        try {
            writer.submit(() -> {
                for (Event event : events) {
                    journal.append(event);
                }
            }).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} on the journal's writer thread (e.g. a simulator writing the journal). */
    void onWriter(Runnable work) throws Exception {
        writer.submit(work).get();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/login", null, "{\"user\":\"" + user + "\",\"password\":\""
                + PASSWORD + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).get("token").asText();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
        writer.shutdownNow();
        journal.close();
        registry.close();
    }
}

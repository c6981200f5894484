package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.testkit.FreePorts;

/**
 * A crash: {@code acd run} in its own JVM with a call connected and one queued is killed with -9, then started again
 * on the same journal. The journal reads whole to its end, the two live calls are closed as lost at restart, the rep
 * who was logged in takes the next call without logging in again, and the server's statistics agree with the
 * journal's.
 */
class RestartE2eTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldCloseLiveCallsAsLostAndKeepRepStatesWhenRestartedAfterKill9() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        Path config = E2eServer.writeConfig(dir, E2eServer.Options.defaults().withPorts(sipPort, httpPort));
        Path journalDir = dir.resolve("journal");
        InetSocketAddress sip = new InetSocketAddress("127.0.0.1", sipPort);
        try (TestPhone ava = TestPhone.start("127.0.0.2");
                TestPhone trunk = TestPhone.start("127.0.0.1")) {
            List<Event> beforeCrash;
            try (ServerProcess first = ServerProcess.start(config, journalDir, dir.resolve("first.log"), LIMIT)) {
                ava.register(sip, E2eServer.REALM, AVA, E2eServer.password(AVA));
                String token = login(httpPort);
                repAction(httpPort, token, AVA, "login");
                repAction(httpPort, token, AVA, "ready");
                TestPhone.Call connected = trunk.call(SALES_NUMBER, sip);
                assertEquals(200, connected.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
                await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
                TestPhone.Call queued = trunk.call(SALES_NUMBER, sip);
                assertEquals(200, queued.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
                await().atMost(LIMIT).until(() -> journal(journalDir).stream()
                        .filter(CallQueued.class::isInstance).count() == 2);
                first.kill();
                // whole after the crash: every appended event reads back, up to the last one appended
                beforeCrash = journal(journalDir);
                assertLastEventIsTheLastRead(journalDir, beforeCrash);
            }
            assertEquals(List.of("CallAnswered ava.chen"), beforeCrash.stream().filter(e -> e instanceof CallAnswered
                    || e instanceof CallEnded).map(RestartE2eTest::describe).toList(), "two live calls at the crash");

            try (ServerProcess second = ServerProcess.start(config, journalDir, dir.resolve("second.log"),
                    LIMIT)) {
                assertTrue(second.output().contains("2 live calls closed as lost"), second.output());
                List<Event> afterRestart = journal(journalDir).subList(beforeCrash.size(), journal(journalDir).size());
                List<CallEnded> lost = afterRestart.stream().filter(CallEnded.class::isInstance)
                        .map(CallEnded.class::cast).toList();
                assertEquals(2, lost.size(), afterRestart.toString());
                for (CallEnded ended : lost) {
                    assertEquals(Party.SYSTEM, ended.endedBy());
                    assertEquals("lost at restart", ended.reason());
                }

                // the phone re-registers (the registrar's bindings died with the process); the rep does not log in
                ava.events.clear();
                ava.register(sip, E2eServer.REALM, AVA, E2eServer.password(AVA));
                TestPhone.Call next = trunk.call(SALES_NUMBER, sip);
                assertEquals(200, next.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
                await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
                List<Event> all = journal(journalDir);
                long thirdCall = all.stream().filter(CallQueued.class::isInstance).map(e -> ((CallEvent) e).callId())
                        .reduce((a, b) -> b).orElseThrow();
                assertTrue(all.stream().anyMatch(e -> e instanceof CallAnswered a && a.callId() == thirdCall
                        && a.repId().equals(AVA)), "the rep ready before the crash takes the next call");
                assertEquals(1, all.stream().filter(RepLoggedIn.class::isInstance).count(),
                        "logged in once, before the crash");
                assertEquals(1, all.stream().filter(ConfigChanged.class::isInstance).count(),
                        "the same configuration is not journaled again");
                trunk.hangUp(next.dialog);
                await().atMost(LIMIT).until(() -> journal(journalDir).stream().anyMatch(e -> e instanceof CallEnded c
                        && c.callId() == thirdCall));

                ReportRow fromJournal = E2eServer.totals(journal(journalDir), Grouping.QUEUE);
                assertEquals(3, fromJournal.value(Metric.OFFERED));
                assertEquals(2, fromJournal.value(Metric.ANSWERED));
                JsonNode served = totalsOf(stats(httpPort, login(httpPort)));
                for (Metric m : List.of(Metric.OFFERED, Metric.ANSWERED, Metric.ABANDONED, Metric.HANDLED)) {
                    assertEquals(fromJournal.value(m), served.path(m.name()).asDouble(Double.NaN), 1e-9,
                            m.name() + ": the server's statistics against the journal's; served " + served);
                }
                second.stop();
                assertTrue(!second.alive(), "stopped");
            }
            assertTrue(journal(journalDir).size() > beforeCrash.size());
        }
    }

    private static String describe(Event e) {
        if (e instanceof CallAnswered a) {
            return "CallAnswered " + a.repId();
        }
        return e.getClass().getSimpleName();
    }

    /** The reader reached the event the queue says was appended last: nothing after a torn write is hidden. */
    private static void assertLastEventIsTheLastRead(Path dir, List<Event> read) {
        try (Journal journal = Journal.open(new JournalSettings(dir, 0));
                JournalReader reader = journal.readFrom(journal.lastIndex())) {
            assertEquals(read.get(read.size() - 1), reader.next(), "the last event appended is the last one read");
            assertNull(reader.next(), "nothing after it");
        }
    }

    /** Reads a journal another process may be writing (Chronicle Queue allows it). */
    private static List<Event> journal(Path dir) {
        try (Journal journal = Journal.open(new JournalSettings(dir, 0))) {
            return E2eServer.readAll(journal);
        }
    }

    private String login(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\": \"supervisor\", \"password\": "
                        + "\"demo-supervisor\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("token").asText();
    }

    private void repAction(int port, String token, String rep, String action) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/reps/" + rep + "/" + action)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), action + ": " + response.body());
    }

    private JsonNode stats(int port, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/stats?by=queue")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode totalsOf(JsonNode document) {
        for (JsonNode row : document.path("rows")) {
            if ("total".equals(row.path("key").asText())) {
                return row;
            }
        }
        throw new AssertionError("no totals row in " + document);
    }
}

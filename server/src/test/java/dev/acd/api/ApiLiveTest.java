package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.Explanation;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Rule;
import dev.acd.core.event.Trigger;
import dev.acd.core.model.Direction;

/** Live state over GET and the WebSocket feed: snapshot on connect, then changes as events are journaled. */
class ApiLiveTest {
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

    /** A call from a strategic customer waiting in the first queue since {@code at}. */
    private void callWaiting(long callId, long at) {
        api.journal(new CallArrived(at, callId, Direction.INBOUND, "line", "+15550100", "+15550000", null),
                new CallClassified(at, callId, "cust-1", "strategic", 50_000, null, null, null, null, queue, 10,
                        List.of()),
                new CallQueued(at, callId, queue, 10));
    }

    @Test
    void shouldShowAWaitingCallWithItsWaitSegmentAndLongestWait() throws Exception {
        callWaiting(1, NINE);
        callWaiting(2, NINE + 20_000);
        api.now.set(NINE + 45_000);
        String token = api.login(ApiHarness.SUPERVISOR);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.read(api.get("/api/queues/" + queue, token)).get("waiting").asInt() == 2);
        JsonNode tile = api.read(api.get("/api/queues/" + queue, token));
        assertEquals(45.0, tile.get("longestWaitSeconds").asDouble(), 0.001);
        JsonNode first = tile.get("waitingCalls").get(0);
        assertEquals(1, first.get("callId").asLong());
        assertEquals("strategic", first.get("segment").asText());
        assertEquals(45.0, first.get("waitSeconds").asDouble(), 0.001);
        assertEquals(2, tile.get("today").get("offered").asLong());
        assertTrue(tile.get("expectedWaitSeconds").isNull(), "no answers yet: no estimate");
        assertEquals(2, api.read(api.get("/api/calls", token)).size());
        assertEquals(404, api.get("/api/queues/no-such-queue", token).statusCode());
    }

    @Test
    void shouldShowARepsStateTimeInStateAndCurrentCall() throws Exception {
        api.journal(new RepLoggedIn(NINE, ApiHarness.REP), new RepReady(NINE + 1_000, ApiHarness.REP));
        callWaiting(7, NINE + 2_000);
        api.journal(new CallOffered(NINE + 2_000, 7, ApiHarness.REP, queue, 1,
                        new Explanation(Trigger.CALL_QUEUED, Rule.HOME_TEAM, false, 0, NINE, 1, List.of())),
                new CallAnswered(NINE + 5_000, 7, ApiHarness.REP));
        api.now.set(NINE + 65_000);
        String token = api.login(ApiHarness.REP_USER);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "ON_CALL".equals(api.read(api.get("/api/reps/" + ApiHarness.REP, token)).get("state").asText()));
        JsonNode rep = api.read(api.get("/api/reps/" + ApiHarness.REP, token));
        assertEquals(60.0, rep.get("timeInStateSeconds").asDouble(), 0.001);
        assertEquals(7, rep.get("currentCall").asLong());
        JsonNode reps = api.read(api.get("/api/reps", token));
        assertEquals(1, reps.size(), "a rep sees only itself");
        JsonNode calls = api.read(api.get("/api/calls", token));
        assertEquals(1, calls.size());
        assertEquals("TALKING", calls.get(0).get("phase").asText());
    }

    @Test
    void shouldSendASnapshotOnConnectThenAChangeWhenAnEventIsJournaled() throws Exception {
        String token = api.login(ApiHarness.SUPERVISOR);
        Feed feed = Feed.open(api, token);
        try {
            JsonNode snapshot = feed.next();
            assertEquals("snapshot", snapshot.get("type").asText());
            assertEquals(api.config.model().queues().size(), snapshot.get("queues").size());
            assertEquals(api.config.model().reps().size(), snapshot.get("reps").size());

            api.journal(new RepLoggedIn(NINE + 1_000, ApiHarness.REP));
            JsonNode change = feed.next();
            assertEquals("changes", change.get("type").asText());
            JsonNode rep = change.get("reps").get(0);
            assertEquals(ApiHarness.REP, rep.get("id").asText());
            assertEquals("NOT_READY", rep.get("state").asText());
            assertEquals("logged-in", rep.get("reason").asText());
        } finally {
            feed.close();
        }
    }

    @Test
    void shouldFeedARepOnlyItsOwnRepAndCalls() throws Exception {
        String token = api.login(ApiHarness.REP_USER);
        Feed feed = Feed.open(api, token);
        try {
            JsonNode snapshot = feed.next();
            assertEquals(0, snapshot.get("queues").size());
            assertEquals(1, snapshot.get("reps").size());
            api.journal(new RepLoggedIn(NINE + 1_000, ApiHarness.OTHER_REP));
            callWaiting(9, NINE + 1_000);
            api.journal(new RepLoggedIn(NINE + 2_000, ApiHarness.REP));
            JsonNode change = feed.next();
            assertEquals(1, change.get("reps").size(), change.toString());
            assertEquals(ApiHarness.REP, change.get("reps").get(0).get("id").asText());
            assertEquals(0, change.get("calls").size(), "another rep's or a queued call is not the rep's");
        } finally {
            feed.close();
        }
    }

    @Test
    void shouldRefuseTheFeedWithoutASession() throws Exception {
        var failure = api.http.newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + api.server.port() + "/api/live/feed"),
                        new WebSocket.Listener() { })
                .handle((ws, error) -> error);
        Throwable error = failure.get(10, TimeUnit.SECONDS);
        assertTrue(error != null && error.getCause() instanceof java.net.http.WebSocketHandshakeException,
                String.valueOf(error));
        var refused = ((java.net.http.WebSocketHandshakeException) error.getCause()).getResponse();
        assertEquals(401, refused.statusCode());
        HttpResponse<String> plain = api.get("/api/live/feed", null);
        assertEquals(401, plain.statusCode());
    }

    /** A WebSocket client of the live feed that queues each message. */
    static final class Feed implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final ApiHarness api;
        private WebSocket socket;

        private Feed(ApiHarness api) {
            this.api = api;
        }

        static Feed open(ApiHarness api, String token) throws Exception {
            Feed feed = new Feed(api);
            feed.socket = api.http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(java.net.URI.create("ws://127.0.0.1:" + api.server.port() + "/api/live/feed"), feed)
                    .get(10, TimeUnit.SECONDS);
            return feed;
        }

        JsonNode next() throws Exception {
            String text = messages.poll(10, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("no feed message within 10 s");
            }
            return api.json.readTree(text);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }

    @Test
    void shouldExpectANewCallerToWaitBehindTheQueueAtItsRecentAnswerPace() throws Exception {
        api.journal(new RepLoggedIn(NINE, ApiHarness.REP), new RepReady(NINE, ApiHarness.REP));
        for (long id = 1; id <= 5; id++) {
            callWaiting(id, NINE);
        }
        for (long id = 1; id <= 3; id++) {
            api.journal(new CallAnswered(NINE + id * 30_000, id, ApiHarness.REP));
        }
        api.now.set(NINE + 100_000);
        String token = api.login(ApiHarness.SUPERVISOR);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.read(api.get("/api/queues/" + queue, token)).get("waiting").asInt() == 2);

        JsonNode tile = api.read(api.get("/api/queues/" + queue, token));
        assertEquals(90, tile.get("expectedWaitSeconds").asLong(), "two waiting, an answer every 30 s: third in line");
    }
}

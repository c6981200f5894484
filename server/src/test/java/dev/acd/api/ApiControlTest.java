package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;

/** Rep control and dispositions: checked against the live state, published as core events. */
class ApiControlTest {
    private static final long NINE = java.time.Instant.parse("2026-11-23T14:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, NINE);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String state(String token, String rep) throws Exception {
        return api.read(api.get("/api/reps/" + rep, token)).get("state").asText();
    }

    private void awaitState(String token, String rep, String state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> state.equals(state(token, rep)));
    }

    @Test
    void shouldLogInSetReadyAndNotReadyPublishingTheCoreEvents() throws Exception {
        String rep = api.login(ApiHarness.REP_USER);
        HttpResponse<String> login = api.post("/api/reps/ava.chen/login", rep, "");
        assertEquals(202, login.statusCode(), login.body());
        assertEquals("RepLoggedIn", api.read(login).get("published").asText());
        awaitState(rep, ApiHarness.REP, "NOT_READY");

        assertEquals(202, api.post("/api/reps/ava.chen/ready", rep, "").statusCode());
        awaitState(rep, ApiHarness.REP, "READY");

        HttpResponse<String> lunch = api.post("/api/reps/ava.chen/not-ready", rep, "{\"reason\":\"lunch\"}");
        assertEquals(202, lunch.statusCode());
        awaitState(rep, ApiHarness.REP, "NOT_READY");
        assertEquals("lunch", api.read(api.get("/api/reps/ava.chen", rep)).get("reason").asText());
        assertTrue(api.published.stream().anyMatch(e -> e instanceof RepNotReady n && n.reason().equals("lunch")));
        assertTrue(api.published.stream().anyMatch(e -> e instanceof RepReady));
    }

    @Test
    void shouldLetASupervisorActOnAnyRepAndAnswer404ForAnUnknownRep() throws Exception {
        String sue = api.login(ApiHarness.SUPERVISOR);
        assertEquals(202, api.post("/api/reps/ben.okafor/login", sue, "").statusCode());
        awaitState(sue, ApiHarness.OTHER_REP, "NOT_READY");
        HttpResponse<String> unknown = api.post("/api/reps/nobody/ready", sue, "");
        assertEquals(404, unknown.statusCode());
        assertEquals("no rep 'nobody' in the configuration", api.read(unknown).get("error").asText());
        assertEquals(404, api.get("/api/reps/nobody", sue).statusCode());
    }

    @Test
    void shouldAnswer409ForATransitionThatMakesNoSenseNow() throws Exception {
        String sue = api.login(ApiHarness.SUPERVISOR);
        HttpResponse<String> ready = api.post("/api/reps/ava.chen/ready", sue, "");
        assertEquals(409, ready.statusCode());
        assertEquals("ava.chen is not logged in; log in first", api.read(ready).get("error").asText());
        assertEquals(409, api.post("/api/reps/ava.chen/end-wrap-up", sue, "").statusCode());
        api.journal(new RepLoggedIn(NINE, ApiHarness.REP));
        awaitState(sue, ApiHarness.REP, "NOT_READY");
        HttpResponse<String> again = api.post("/api/reps/ava.chen/login", sue, "");
        assertEquals(409, again.statusCode());
        assertTrue(api.read(again).get("error").asText().contains("already logged in"));
        HttpResponse<String> noReason = api.post("/api/reps/ava.chen/not-ready", sue, "{}");
        assertEquals(400, noReason.statusCode());
        assertEquals("field 'reason' is missing from the request body", api.read(noReason).get("error").asText());
    }

    @Test
    void shouldEndWrapUpWithReady() throws Exception {
        api.journal(new RepLoggedIn(NINE, ApiHarness.REP), new RepReady(NINE, ApiHarness.REP),
                new WrapUpStarted(NINE + 1_000, ApiHarness.REP, 5, NINE + 31_000));
        String rep = api.login(ApiHarness.REP_USER);
        awaitState(rep, ApiHarness.REP, "WRAP_UP");
        HttpResponse<String> end = api.post("/api/reps/ava.chen/end-wrap-up", rep, "");
        assertEquals(202, end.statusCode());
        assertEquals("RepReady", api.read(end).get("published").asText());
    }

    private void handledCall(long callId, String rep) {
        api.journal(new CallArrived(NINE, callId, Direction.INBOUND, "line", "+15550100", "+15550000", null),
                new CallAnswered(NINE + 3_000, callId, rep),
                new CallEnded(NINE + 60_000, callId, Party.CUSTOMER, "BYE"));
    }

    @Test
    void shouldRecordADispositionOnceByTheRepWhoHandledTheCall() throws Exception {
        handledCall(11, ApiHarness.REP);
        String ava = api.login(ApiHarness.REP_USER);
        String ben = api.login(ApiHarness.OTHER_REP_USER);
        String body = "{\"outcome\":\"won\",\"revenueCents\":125000,\"note\":\"3 seats\"}";
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.read(api.get("/api/cdrs", ava)).get("total").asInt() == 1);

        HttpResponse<String> notHis = api.post("/api/calls/11/disposition", ben, body);
        assertEquals(403, notHis.statusCode());

        HttpResponse<String> first = api.post("/api/calls/11/disposition", ava, body);
        assertEquals(201, first.statusCode(), first.body());
        DispositionRecorded recorded = (DispositionRecorded) api.published.get(api.published.size() - 1);
        assertEquals(new DispositionRecorded(recorded.at(), 11, ApiHarness.REP, "won", 125_000, "3 seats"), recorded);

        HttpResponse<String> twice = api.post("/api/calls/11/disposition", ava, body);
        assertEquals(409, twice.statusCode());
        assertEquals("call 11 already has a disposition", api.read(twice).get("error").asText());
        String sue = api.login(ApiHarness.SUPERVISOR);
        assertEquals(409, api.post("/api/calls/11/disposition", sue, body).statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "won".equals(api.read(api.get("/api/cdrs", ava)).get("items").get(0).get("outcome").asText()));
    }

    @Test
    void shouldRefuseABadDisposition() throws Exception {
        handledCall(12, ApiHarness.REP);
        String sue = api.login(ApiHarness.SUPERVISOR);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.read(api.get("/api/cdrs", sue)).get("total").asInt() == 1);
        HttpResponse<String> outcome = api.post("/api/calls/12/disposition", sue, "{\"outcome\":\"maybe\"}");
        assertEquals(400, outcome.statusCode());
        assertTrue(api.read(outcome).get("error").asText().startsWith("field 'outcome': 'maybe' is not one of [won"));
        HttpResponse<String> revenue = api.post("/api/calls/12/disposition", sue,
                "{\"outcome\":\"won\",\"revenueCents\":-5}");
        assertEquals(400, revenue.statusCode());
        assertEquals(404, api.post("/api/calls/999/disposition", sue, "{\"outcome\":\"won\"}").statusCode());
        assertEquals(400, api.post("/api/calls/abc/disposition", sue, "{\"outcome\":\"won\"}").statusCode());
        assertEquals(400, api.post("/api/calls/12/disposition", sue, "{\"outcome\":").statusCode());
        assertEquals(List.of(), api.published);
    }
}

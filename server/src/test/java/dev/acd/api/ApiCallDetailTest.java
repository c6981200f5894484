package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** What the pages need beyond the live state: a call's timeline, the caller's customer card, the center's settings. */
class ApiCallDetailTest {
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

    private void awaitCall(String token, long callId) {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/calls/" + callId + "/customer", token).statusCode() != 404);
    }

    @Test
    void shouldListACallsJournalEventsInOrderForASupervisorAndItsRep() throws Exception {
        new CallScript(api, 21, "sales").arrives(NINE).rings(NINE + 2_000, ApiHarness.REP)
                .answered(NINE + 5_000, ApiHarness.REP).ends(NINE + 65_000, ApiHarness.REP, 60_000);
        new CallScript(api, 22, "sales").arrives(NINE + 1_000);
        String sue = api.login(ApiHarness.SUPERVISOR);
        awaitCall(sue, 21);

        HttpResponse<String> response = api.get("/api/calls/21/events", sue);
        assertEquals(200, response.statusCode(), response.body());
        List<String> types = new ArrayList<>();
        for (JsonNode event : api.read(response)) {
            types.add(event.get("type").asText());
            assertEquals(21, event.get("callId").asLong());
        }
        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued", "CallOffered", "CallAnswered", "CallEnded",
                "WrapUpStarted"), types);
        assertEquals("2026-11-23T14:00:05Z", api.read(response).get(4).get("at").asText());

        String ava = api.login(ApiHarness.REP_USER);
        assertEquals(200, api.get("/api/calls/21/events", ava).statusCode());
    }

    @Test
    void shouldRefuseACallsTimelineToAnotherRepAndAnswer404ForAnUnknownCall() throws Exception {
        new CallScript(api, 23, "sales").arrives(NINE).rings(NINE + 1_000, ApiHarness.REP)
                .answered(NINE + 3_000, ApiHarness.REP);
        String sue = api.login(ApiHarness.SUPERVISOR);
        awaitCall(sue, 23);
        String ben = api.login(ApiHarness.OTHER_REP_USER);
        HttpResponse<String> refused = api.get("/api/calls/23/events", ben);
        assertEquals(403, refused.statusCode());
        assertEquals("call 23 is not offered to or handled by ben.okafor", api.read(refused).get("error").asText());
        HttpResponse<String> unknown = api.get("/api/calls/999/events", sue);
        assertEquals(404, unknown.statusCode());
        assertEquals("no call 999", api.read(unknown).get("error").asText());
        assertEquals(400, api.get("/api/calls/x/events", sue).statusCode());
        assertEquals(401, api.get("/api/calls/23/events", null).statusCode());
    }

    @Test
    void shouldShowTheRingingRepTheCallersCustomerCardWithTheirLastCalls() throws Exception {
        new CallScript(api, 30, "sales").arrives(NINE).rings(NINE + 1_000, ApiHarness.OTHER_REP)
                .answered(NINE + 2_000, ApiHarness.OTHER_REP).ends(NINE + 30_000, ApiHarness.OTHER_REP, 1_000);
        new CallScript(api, 31, "sales").arrives(NINE + 60_000).rings(NINE + 61_000, ApiHarness.REP);
        String ava = api.login(ApiHarness.REP_USER);
        awaitCall(ava, 31);

        HttpResponse<String> response = api.get("/api/calls/31/customer", ava);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode card = api.read(response);
        assertEquals("Priya Umar", card.get("name").asText());
        assertEquals("Acorn Studios Inc.", card.get("account").asText());
        assertEquals("Small business", card.get("segmentName").asText());
        assertEquals(1060, card.get("value").asLong());
        assertEquals("us-east", card.get("territory").asText());
        assertEquals(CallScript.CUSTOMER_NUMBER, card.get("from").asText());
        assertEquals(1, card.get("lastCalls").size());
        assertEquals(30, card.get("lastCalls").get(0).get("callId").asLong());
        assertEquals("ben.okafor", card.get("lastCalls").get(0).get("reps").get(0).asText());

        String ben = api.login(ApiHarness.OTHER_REP_USER);
        assertEquals(403, api.get("/api/calls/31/customer", ben).statusCode());
    }

    @Test
    void shouldTellThePagesTheCentersDayAndOutcomes() throws Exception {
        String ava = api.login(ApiHarness.REP_USER);
        JsonNode center = api.read(api.get("/api/center", ava));
        assertEquals("America/New_York", center.get("zone").asText());
        assertEquals("2026-11-23", center.get("today").asText());
        assertEquals("won", center.get("outcomes").get(0).asText());
        assertTrue(center.get("outcomes").size() > 1);
        assertEquals(401, api.get("/api/center", null).statusCode());
    }
}

package dev.acd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class ApiAccessTest {
    private static final long MONDAY_9AM = java.time.Instant.parse("2026-11-23T14:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, MONDAY_9AM, new ApiSettings("127.0.0.1", 0, 60_000, 3, 60_000, dir));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldAnswer401WithAJsonBodyWhenNoTokenIsGiven() throws Exception {
        for (String path : new String[] {"/api/queues", "/api/reps", "/api/calls", "/api/cdrs", "/api/stats",
                "/api/me", "/api/calls/1/recording"}) {
            HttpResponse<String> response = api.get(path, null);
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
            JsonNode body = api.read(response);
            assertEquals(401, body.get("status").asInt());
            assertTrue(body.get("error").asText().contains("log in first"), body.toString());
        }
        assertEquals(401, api.post("/api/reps/ava.chen/ready", null, "").statusCode());
    }

    @Test
    void shouldAnswer401ForAnUnknownTokenAndAfterLogout() throws Exception {
        assertEquals(401, api.get("/api/me", "not-a-session").statusCode());
        String token = api.login(ApiHarness.SUPERVISOR);
        assertEquals(200, api.get("/api/me", token).statusCode());
        assertEquals(204, api.post("/api/logout", token, "").statusCode());
        HttpResponse<String> after = api.get("/api/me", token);
        assertEquals(401, after.statusCode());
        assertTrue(api.read(after).get("error").asText().contains("expired or was closed"));
    }

    @Test
    void shouldExpireASessionAfterItsLifetime() throws Exception {
        String token = api.login(ApiHarness.SUPERVISOR);
        api.now.addAndGet(60_000);
        assertEquals(401, api.get("/api/me", token).statusCode());
    }

    @Test
    void shouldSetAnHttpOnlyCookieThatAuthenticatesToo() throws Exception {
        HttpResponse<String> login = api.post("/api/login", null, "{\"user\":\"sue\",\"password\":\""
                + ApiHarness.PASSWORD + "\"}");
        String cookie = login.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("acd_session="), cookie);
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        HttpResponse<String> me = api.http.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/me"))
                .header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode());
        assertEquals("SUPERVISOR", api.read(me).get("role").asText());
    }

    @Test
    void shouldRefuseAWrongPasswordAndThrottleRepeatedFailures() throws Exception {
        String wrong = "{\"user\":\"sue\",\"password\":\"guess\"}";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = api.post("/api/login", null, wrong);
            assertEquals(401, refused.statusCode());
            assertEquals("wrong user name or password", api.read(refused).get("error").asText());
        }
        HttpResponse<String> throttled = api.post("/api/login", null, "{\"user\":\"sue\",\"password\":\""
                + ApiHarness.PASSWORD + "\"}");
        assertEquals(429, throttled.statusCode(), "even the right password waits out the throttle");
        assertNotNull(throttled.headers().firstValue("retry-after").orElse(null));
        assertTrue(api.read(throttled).get("error").asText().contains("too many failed logins"));
        // Another user from the same address is not held back.
        assertEquals(200, api.post("/api/login", null, "{\"user\":\"ava\",\"password\":\"" + ApiHarness.PASSWORD
                + "\"}").statusCode());
        api.now.addAndGet(60_000);
        api.login(ApiHarness.SUPERVISOR);
    }

    @Test
    void shouldAnswer400NamingTheProblemForMalformedJson() throws Exception {
        HttpResponse<String> broken = api.post("/api/login", null, "{\"user\": \"sue\", ");
        assertEquals(400, broken.statusCode());
        String error = api.read(broken).get("error").asText();
        assertTrue(error.startsWith("malformed JSON in the request body at line 1, column"), error);

        HttpResponse<String> missing = api.post("/api/login", null, "{\"user\": \"sue\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("field 'password' is missing from the request body", api.read(missing).get("error").asText());

        HttpResponse<String> array = api.post("/api/login", null, "[1,2]");
        assertEquals("expected a JSON object as the request body, got array", api.read(array).get("error").asText());
    }

    @Test
    void shouldAnswer403WhenARepUsesASupervisorRouteOrAnotherRep() throws Exception {
        String rep = api.login(ApiHarness.REP_USER);
        HttpResponse<String> queues = api.get("/api/queues", rep);
        assertEquals(403, queues.statusCode());
        assertTrue(api.read(queues).get("error").asText().contains("needs a supervisor"));
        assertEquals(403, api.get("/api/reps/" + ApiHarness.OTHER_REP, rep).statusCode());
        assertEquals(403, api.post("/api/reps/" + ApiHarness.OTHER_REP + "/login", rep, "").statusCode());
        assertEquals(403, api.get("/api/stats?by=rep&rep=" + ApiHarness.OTHER_REP, rep).statusCode());
        assertEquals(403, api.get("/api/stats?by=queue", rep).statusCode());
        assertEquals(403, api.get("/api/cdrs?rep=" + ApiHarness.OTHER_REP, rep).statusCode());
        assertEquals(200, api.get("/api/reps/" + ApiHarness.REP, rep).statusCode());
    }

    @Test
    void shouldAnswer404And405AsJsonForUnknownEndpoints() throws Exception {
        String token = api.login(ApiHarness.SUPERVISOR);
        HttpResponse<String> nothing = api.get("/api/nothing", token);
        assertEquals(404, nothing.statusCode());
        assertEquals("no such endpoint: GET /api/nothing", api.read(nothing).get("error").asText());
        HttpResponse<String> wrongMethod = api.get("/api/login", token);
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(api.read(wrongMethod).get("error").asText().contains("use POST"));
    }

    @Test
    void shouldReportHealthWithoutLogin() throws Exception {
        assertEquals(200, api.get("/health/live", null).statusCode());
        HttpResponse<String> ready = api.get("/health/ready", null);
        assertEquals(200, ready.statusCode());
        assertEquals("UP", api.read(ready).get("status").asText());
    }
}

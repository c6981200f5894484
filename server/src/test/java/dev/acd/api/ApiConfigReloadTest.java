package dev.acd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/admin/config/reload: admins only; the version in force, or every problem of a refused file. */
class ApiConfigReloadTest {
    private static final String RELOAD = "/api/admin/config/reload";

    @TempDir
    Path dir;

    private ApiHarness api;
    private final AtomicInteger reloads = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, 1_795_000_000_000L);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldPutTheFileInForceForAnAdminAndAnswerTheNewVersion() throws Exception {
        api.reloader.set(() -> new ConfigReloader.Result(true, reloads.incrementAndGet() + 1, "/etc/acd/acd.yaml",
                List.of()));

        HttpResponse<String> response = api.post(RELOAD, api.login(ApiHarness.ADMIN), "");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = api.read(response);
        assertEquals(2, body.get("version").asLong());
        assertEquals("/etc/acd/acd.yaml", body.get("source").asText());
    }

    @Test
    void shouldAnswer422WithEveryProblemWhenTheFileIsRefused() throws Exception {
        api.reloader.set(() -> new ConfigReloader.Result(false, 0, null,
                List.of("acd.yaml:104:48: reps[0].kind: expected one of INSIDE, FIELD, PARTNER, got 'WIZARD'")));

        HttpResponse<String> response = api.post(RELOAD, api.login(ApiHarness.ADMIN), "");

        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = api.read(response);
        assertTrue(body.get("problems").get(0).asText().startsWith("acd.yaml:104:48:"), response.body());
    }

    @Test
    void shouldRefuseSupervisorsRepsAndStrangersWithoutReloading() throws Exception {
        api.reloader.set(() -> {
            reloads.incrementAndGet();
            return new ConfigReloader.Result(true, 2, "x", List.of());
        });

        assertEquals(403, api.post(RELOAD, api.login(ApiHarness.SUPERVISOR), "").statusCode());
        assertEquals(403, api.post(RELOAD, api.login(ApiHarness.REP_USER), "").statusCode());
        assertEquals(401, api.post(RELOAD, null, "").statusCode());
        assertEquals(0, reloads.get(), "nobody but an admin reloads");
    }
}

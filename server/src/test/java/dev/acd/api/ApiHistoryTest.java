package dev.acd.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.Party;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.model.Direction;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Report;
import dev.acd.report.StatsQuery;
import dev.acd.report.TimeRange;
import dev.acd.sim.Simulator;

/** Statistics, CDRs and recordings over a simulated day of journal. */
class ApiHistoryTest {
    @TempDir
    Path dir;
    ApiHarness api;
    long monday;

    @BeforeEach
    void start() throws Exception {
        monday = LocalDate.of(2026, 11, 23).atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant()
                .toEpochMilli();
        api = new ApiHarness(dir, monday + 20 * 3_600_000L);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void simulateDay() throws Exception {
        api.onWriter(() -> new Simulator(api.config.model(), api.config.customers(), api.config.simulation(),
                api.config.zone(), api.config.tickIntervalMs(), api.journal::append, monday + 8 * 3_600_000L, 2, 7)
                .run());
        long events = countEvents();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.read(api.get("/health/ready", null)).get("eventsRead").asLong() >= events);
    }

    private long countEvents() {
        long n = 0;
        try (var reader = api.journal.readFromStart()) {
            while (reader.next() != null) {
                n++;
            }
        }
        return n;
    }

    @Test
    void shouldGiveTheSameStatisticsAsAcdStatsForEachGrouping() throws Exception {
        simulateDay();
        String sue = api.login(ApiHarness.SUPERVISOR);
        for (Grouping by : Grouping.values()) {
            String name = by.name().toLowerCase(java.util.Locale.ROOT);
            JsonNode document = api.read(api.get("/api/stats?by=" + name + "&from=2026-11-23&to=2026-11-24", sue));
            Report expected = StatsQuery.report(StatsQuery.project(api.journal, api.config.zone()), by,
                    TimeRange.of("2026-11-23", "2026-11-24", api.config.zone(), "from", "to"));
            assertEquals(name, document.get("grouping").asText());
            JsonNode rows = document.get("rows");
            assertEquals(expected.rows().size() + 1, rows.size(), name);
            JsonNode totals = rows.get(rows.size() - 1);
            assertEquals("total", totals.get("key").asText());
            assertEquals(expected.totals().value("offered"), totals.get("offered").asDouble(), 1e-9, name);
            assertEquals(expected.totals().value("handle_time"), totals.get("handle_time").asDouble(), 1e-6, name);
        }
    }

    @Test
    void shouldGiveARepOnlyItsOwnRowAndRefuseBadParameters() throws Exception {
        simulateDay();
        String ava = api.login(ApiHarness.REP_USER);
        JsonNode own = api.read(api.get("/api/stats?by=rep&metrics=handled,revenue", ava));
        assertEquals(1, own.get("rows").size());
        assertEquals(ApiHarness.REP, own.get("rows").get(0).get("key").asText());
        assertEquals(Set.of("key", "handled", "revenue"), fields(own.get("rows").get(0)));

        String sue = api.login(ApiHarness.SUPERVISOR);
        HttpResponse<String> team = api.get("/api/stats?by=team", sue);
        assertEquals(400, team.statusCode());
        assertTrue(api.read(team).get("error").asText().startsWith("by: 'team' is not one of rep, queue"));
        HttpResponse<String> backwards = api.get("/api/stats?by=rep&from=2026-11-24&to=2026-11-23", sue);
        assertEquals(400, backwards.statusCode());
        assertEquals("from 2026-11-24 is not before to 2026-11-23", api.read(backwards).get("error").asText());
        assertEquals(400, api.get("/api/stats?metrics=nonsense", sue).statusCode());
        assertEquals(400, api.get("/api/stats?zone=Mars/Base", sue).statusCode());
        assertEquals(200, api.get("/api/stats?by=day&zone=UTC", sue).statusCode());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldPageAndFilterCdrsNewestFirst() throws Exception {
        simulateDay();
        String sue = api.login(ApiHarness.SUPERVISOR);
        JsonNode all = api.read(api.get("/api/cdrs?limit=500", sue));
        long total = all.get("total").asLong();
        assertTrue(total > 20, "a simulated morning has calls: " + total);
        JsonNode page = api.read(api.get("/api/cdrs?limit=5&offset=5", sue));
        assertEquals(total, page.get("total").asLong());
        assertEquals(5, page.get("items").size());
        assertEquals(all.get("items").get(5).get("callId"), page.get("items").get(0).get("callId"));
        assertTrue(all.get("items").get(0).get("arrivedAt").asText()
                .compareTo(all.get("items").get(1).get("arrivedAt").asText()) >= 0);

        JsonNode mine = api.read(api.get("/api/cdrs?rep=" + ApiHarness.REP + "&limit=500", sue));
        assertTrue(mine.get("total").asLong() > 0);
        for (JsonNode cdr : mine.get("items")) {
            assertTrue(cdr.get("reps").toString().contains(ApiHarness.REP));
        }
        String ava = api.login(ApiHarness.REP_USER);
        assertEquals(mine.get("total"), api.read(api.get("/api/cdrs", ava)).get("total"),
                "a rep's CDRs are its own, filter or not");

        JsonNode won = api.read(api.get("/api/cdrs?outcome=won&direction=inbound&limit=500", sue));
        for (JsonNode cdr : won.get("items")) {
            assertEquals("won", cdr.get("outcome").asText());
            assertEquals("INBOUND", cdr.get("direction").asText());
        }
        JsonNode none = api.read(api.get("/api/cdrs?from=2026-11-24", sue));
        assertEquals(0, none.get("total").asLong());
        assertEquals(400, api.get("/api/cdrs?direction=sideways", sue).statusCode());
        assertEquals(400, api.get("/api/cdrs?limit=0", sue).statusCode());
        assertEquals(400, api.get("/api/cdrs?limit=many", sue).statusCode());
    }

    @Test
    void shouldServeARecordingWholeAndByRangeOnlyToItsRepOrASupervisor() throws Exception {
        byte[] wav = new byte[1000];
        for (int i = 0; i < wav.length; i++) {
            wav[i] = (byte) i;
        }
        Files.createDirectories(dir.resolve("recordings"));
        Files.write(dir.resolve("recordings/21.wav"), wav);
        long at = monday + 9 * 3_600_000L;
        api.journal(new CallArrived(at, 21, Direction.INBOUND, "line", "+15550100", "+15550000", null),
                new CallAnswered(at + 2_000, 21, ApiHarness.REP),
                new CallEnded(at + 30_000, 21, Party.CUSTOMER, "BYE"),
                new RecordingReady(at + 31_000, 21, "recordings/21.wav", 28_000));
        String ava = api.login(ApiHarness.REP_USER);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/api/calls/21/recording", ava).statusCode() == 200);

        HttpResponse<byte[]> whole = bytes("/api/calls/21/recording", ava, null);
        assertEquals("audio/wav", whole.headers().firstValue("content-type").orElseThrow());
        assertEquals("bytes", whole.headers().firstValue("accept-ranges").orElseThrow());
        assertArrayEquals(wav, whole.body());

        HttpResponse<byte[]> part = bytes("/api/calls/21/recording", ava, "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/1000", part.headers().firstValue("content-range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(wav, 100, 200), part.body());

        HttpResponse<byte[]> tail = bytes("/api/calls/21/recording", ava, "bytes=-10");
        assertArrayEquals(Arrays.copyOfRange(wav, 990, 1000), tail.body());

        HttpResponse<byte[]> past = bytes("/api/calls/21/recording", ava, "bytes=5000-");
        assertEquals(416, past.statusCode());
        assertEquals("bytes */1000", past.headers().firstValue("content-range").orElseThrow());

        String ben = api.login(ApiHarness.OTHER_REP_USER);
        HttpResponse<String> notHis = api.get("/api/calls/21/recording", ben);
        assertEquals(403, notHis.statusCode());
        assertTrue(api.read(notHis).get("error").asText().contains("only its own calls' recordings"));
        String sue = api.login(ApiHarness.SUPERVISOR);
        assertEquals(206, bytes("/api/calls/21/recording", sue, "bytes=0-0").statusCode());
        assertEquals(404, api.get("/api/calls/22/recording", sue).statusCode());
    }

    private HttpResponse<byte[]> bytes(String path, String token, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token);
        if (range != null) {
            request.header("Range", range);
        }
        return api.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

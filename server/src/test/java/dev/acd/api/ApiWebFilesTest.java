package dev.acd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.api.web.StaticFiles;

/** The web pages and their libraries as the browser fetches them: types, caching, and nothing outside the folders. */
class ApiWebFilesTest {
    @TempDir
    Path dir;
    ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(dir, java.time.Instant.parse("2026-11-23T14:00:00Z").toEpochMilli());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldServeThePagesAsHtmlThatRevalidatesAndAnswer304WhenUnchanged() throws Exception {
        for (String page : new String[] {"/login.html", "/wallboard.html", "/desk.html"}) {
            HttpResponse<String> response = api.get(page, null);
            assertEquals(200, response.statusCode(), page);
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
            assertEquals(StaticFiles.REVALIDATE, response.headers().firstValue("cache-control").orElseThrow());
            assertEquals(StaticFiles.CONTENT_SECURITY_POLICY,
                    response.headers().firstValue("content-security-policy").orElseThrow());
            String etag = response.headers().firstValue("etag").orElseThrow();
            HttpResponse<String> again = api.http.send(HttpRequest.newBuilder(api.uri(page))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode(), page);
            assertEquals("", again.body());
        }
        HttpResponse<String> css = api.get("/assets/acd.css", null);
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void shouldServeTheChartLibraryTheWallboardImportsAsAnImmutableModule() throws Exception {
        HttpResponse<String> charts = api.get("/assets/charts.js", null);
        assertEquals(200, charts.statusCode());
        assertEquals("text/javascript; charset=utf-8", charts.headers().firstValue("content-type").orElseThrow());
        Matcher imported = Pattern.compile("from '(/webjars/[^']+)'").matcher(charts.body());
        assertTrue(imported.find(), "charts.js imports uPlot from /webjars/");
        HttpResponse<String> library = api.get(imported.group(1), null);
        assertEquals(200, library.statusCode(), imported.group(1) + " (does the pom's uPlot version match?)");
        assertEquals("text/javascript; charset=utf-8", library.headers().firstValue("content-type").orElseThrow());
        assertEquals(StaticFiles.IMMUTABLE, library.headers().firstValue("cache-control").orElseThrow());
        assertTrue(library.body().contains("export { uPlot as default }"));
    }

    @Test
    void shouldRedirectTheRootToTheLoginPage() throws Exception {
        HttpResponse<String> root = api.get("/", null);
        assertEquals(302, root.statusCode());
        assertEquals("/login.html", root.headers().firstValue("location").orElseThrow());
    }

    @Test
    void shouldAnswer404ForMissingFilesAndPathsThatLeaveTheWebFolders() throws Exception {
        for (String path : new String[] {"/nothing.html", "/assets/%2e%2e/login.html", "/assets/..%2f..%2fapi%2fApiRoutes.class",
                "/webjars/%2e%2e/%2e%2e/logback.xml", "/assets/.hidden.js", "/logback.xml"}) {
            HttpResponse<String> response = api.get(path, null);
            assertEquals(404, response.statusCode(), path);
            assertEquals("application/json; charset=utf-8",
                    response.headers().firstValue("content-type").orElseThrow(), path);
        }
    }
}

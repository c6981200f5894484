package dev.acd.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.acd.api.http.ApiException;
import dev.acd.api.http.Reply;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Serves files from one folder of the classpath with their content type, an ETag and a caching policy. A path is
 * taken only if every segment is a plain name (letters, digits, '.', '_', '-', not "." or ".."), so nothing outside
 * the folder can be named. Files are read once and kept in memory (the pages and their libraries are small and never
 * change while the server runs). Thread-safe.
 */
public final class StaticFiles {
    /** Our own pages: revalidated on every load (cheap with the ETag), so a new server version shows at once. */
    public static final String REVALIDATE = "no-cache";
    /** WebJar files: their path carries the library's version, so they never change under one URL. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /**
     * What our pages may load: only from this server (scripts, styles, the feed's WebSocket, recordings), no inline
     * script, no framing.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private record File(byte[] bytes, String type, String etag) {
    }

    private final ClassLoader loader;
    private final String folder;
    private final String cacheControl;
    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /**
     * @param folder       a classpath folder without leading or trailing '/', e.g. "dev/acd/web"
     * @param cacheControl the Cache-Control header of every file, {@link #REVALIDATE} or {@link #IMMUTABLE}
     */
    public StaticFiles(ClassLoader loader, String folder, String cacheControl) {
        this.loader = loader;
        this.folder = folder;
        this.cacheControl = cacheControl;
    }

    /** The file at {@code path} (relative to the folder) as a reply: 200, 304 when the ETag matches, or 404. */
    public Reply serve(String path, HttpRequest request) {
        File file = find(path).orElseThrow(() -> ApiException.notFound("no such file: " + path));
        boolean unchanged = file.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                unchanged ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
                unchanged ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(file.bytes()));
        response.headers().set(HttpHeaderNames.ETAG, file.etag());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        response.headers().set("X-Content-Type-Options", "nosniff");
        if (!unchanged) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.type());
            if (file.type().startsWith("text/html")) {
                response.headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.headers().set("Referrer-Policy", "same-origin");
            }
        }
        HttpUtil.setContentLength(response, unchanged ? 0 : file.bytes().length);
        return new Reply.Written(response, null);
    }

    /** Whether {@code path} names a file this server has. */
    public boolean has(String path) {
        return find(path).isPresent();
    }

    private Optional<File> find(String path) {
        if (path == null || !safe(path)) {
            return Optional.empty();
        }
        File cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Misses are not kept, so requests for made-up names cannot grow the cache.
        Optional<File> loaded = load(path);
        loaded.ifPresent(file -> cache.put(path, file));
        return loaded;
    }

    private static boolean safe(String path) {
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private Optional<File> load(String path) {
        String type = TYPES.get(extension(path));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(folder + "/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder + "/" + path + " from the classpath", e);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

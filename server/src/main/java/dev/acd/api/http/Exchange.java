package dev.acd.api.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.auth.Principal;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/** One request as a handler sees it: path and query parameters, the JSON body, the caller and where it came from. */
public final class Exchange {
    private final FullHttpRequest request;
    private final Map<String, String> pathParams;
    private final QueryStringDecoder query;
    private final Principal principal;
    private final String token;
    private final SocketAddress remote;
    private final ObjectMapper json;

    public Exchange(FullHttpRequest request, Map<String, String> pathParams, Principal principal, String token,
                    SocketAddress remote, ObjectMapper json) {
        this.request = request;
        this.pathParams = pathParams;
        this.query = new QueryStringDecoder(request.uri());
        this.principal = principal;
        this.token = token;
        this.remote = remote;
        this.json = json;
    }

    public FullHttpRequest request() {
        return request;
    }

    /** A path parameter by its name in the route pattern. */
    public String path(String name) {
        return pathParams.get(name);
    }

    /** A query parameter, or null when absent; a repeated parameter is refused so no value is silently dropped. */
    public String query(String name) {
        List<String> values = query.parameters().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' is given " + values.size() + " times");
        }
        return values.get(0);
    }

    /** A whole-number query parameter within [min, max], or {@code fallback} when absent. */
    public long queryLong(String name, long fallback, long min, long max) {
        String text = query(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw ApiException.badRequest("query parameter '" + name + "' must be from " + min + " to " + max
                        + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("query parameter '" + name + "' must be a whole number, got '" + text + "'");
        }
    }

    /** The caller; null only on {@link Access#PUBLIC} routes with no session. */
    public Principal principal() {
        return principal;
    }

    /** The caller's session token, or null. */
    public String token() {
        return token;
    }

    /** The caller's address without the port, for the login throttle. */
    public String source() {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** The body as a JSON object; malformed JSON or another type is a 400 that says what and where. */
    public JsonNode body() {
        String text = request.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("the request body is empty; expected a JSON object");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiException.badRequest("malformed JSON in the request body"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("expected a JSON object as the request body, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return node;
    }

    /** A required text field of the JSON body. */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("field '" + field + "' is missing from the request body");
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("field '" + field + "' must be a string, got "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.asText();
    }

    /** An optional text field of the JSON body, or null. */
    public static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : text(body, field);
    }
}

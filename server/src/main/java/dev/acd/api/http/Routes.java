package dev.acd.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpMethod;

/**
 * The route table: method, path pattern with {@code {name}} segments, who may call it, and its handler. Declared in
 * one place so the API can be read at a glance; matched in declaration order. A last segment {@code {name...}}
 * takes the rest of the path, one segment or more, joined by '/' (static files).
 */
public final class Routes {
    /** One route. */
    public record Route(HttpMethod method, String pattern, Access access, Handler handler) {
        Map<String, String> match(String[] path) {
            String[] parts = split(pattern);
            boolean rest = parts[parts.length - 1].endsWith("...}");
            if (rest ? path.length < parts.length : parts.length != path.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                if (rest && i == parts.length - 1) {
                    String name = parts[i].substring(1, parts[i].length() - 4);
                    params.put(name, String.join("/", java.util.Arrays.copyOfRange(path, i, path.length)));
                } else if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    params.put(parts[i].substring(1, parts[i].length() - 1), path[i]);
                } else if (!parts[i].equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }

    /** A route that matched a request, with its path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes get(String pattern, Access access, Handler handler) {
        routes.add(new Route(HttpMethod.GET, pattern, access, handler));
        return this;
    }

    public Routes post(String pattern, Access access, Handler handler) {
        routes.add(new Route(HttpMethod.POST, pattern, access, handler));
        return this;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }

    /** The route for a method and path; null when none matches the path, and the methods allowed when only the method is wrong. */
    public Match find(HttpMethod method, String path, List<HttpMethod> allowedOut) {
        String[] parts = split(path);
        for (Route route : routes) {
            Map<String, String> params = route.match(parts);
            if (params != null) {
                if (route.method().equals(method)) {
                    return new Match(route, params);
                }
                allowedOut.add(route.method());
            }
        }
        return null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}

package dev.acd.api.http;

import dev.acd.config.WebRole;

import java.util.Set;

import dev.acd.api.auth.Principal;
import dev.acd.api.auth.Sessions;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/**
 * Finds the session token of a request: {@code Authorization: Bearer TOKEN}, else the {@value #COOKIE} cookie, else
 * (for the WebSocket handshake only, which browsers cannot give headers) an {@code access_token} query parameter.
 */
public final class Authentication {
    /** The HttpOnly session cookie the login sets. */
    public static final String COOKIE = "acd_session";

    private final Sessions sessions;

    public Authentication(Sessions sessions) {
        this.sessions = sessions;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The request's token, or null. */
    public static String token(HttpRequest request, boolean allowQuery) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String cookies = request.headers().get(HttpHeaderNames.COOKIE);
        if (cookies != null) {
            Set<Cookie> decoded = ServerCookieDecoder.STRICT.decode(cookies);
            for (Cookie cookie : decoded) {
                if (cookie.name().equals(COOKIE)) {
                    return cookie.value();
                }
            }
        }
        if (allowQuery) {
            var values = new QueryStringDecoder(request.uri()).parameters().get("access_token");
            if (values != null && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
    }

    /** The principal of the request's session, or null. */
    public Principal principal(String token) {
        return sessions.find(token).orElse(null);
    }

    /** Refuses a caller the route's access does not let in: 401 without a session, 403 for a rep on a supervisor route. */
    public static void check(Access access, Principal principal, boolean hadToken) {
        if (access == Access.PUBLIC) {
            return;
        }
        if (principal == null) {
            throw ApiException.unauthorized(hadToken ? "the session has expired or was closed; log in again"
                    : "log in first: POST /api/login, then send the token as 'Authorization: Bearer TOKEN'");
        }
        if (access == Access.SUPERVISOR && !principal.supervises()) {
            throw ApiException.forbidden("this needs a supervisor; user '" + principal.user() + "' is a rep");
        }
        if (access == Access.ADMIN && principal.role() != WebRole.ADMIN) {
            throw ApiException.forbidden("this needs an admin; user '" + principal.user() + "' is a "
                    + principal.role().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}

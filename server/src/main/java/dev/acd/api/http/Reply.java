package dev.acd.api.http;

import java.util.Map;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;

/** What a handler answers: a JSON body with a status, or a response the handler wrote itself (a file). */
public sealed interface Reply permits Reply.Json, Reply.Written {
    /** A JSON body (any Jackson-serialisable value; null for no body) and extra headers. */
    record Json(HttpResponseStatus status, Object body, Map<String, String> headers) implements Reply {
        public Json(HttpResponseStatus status, Object body) {
            this(status, body, Map.of());
        }
    }

    /**
     * The handler built the response itself: a full response with {@code body} null, or a head and a body that
     * ends the message (an {@code HttpChunkedInput}).
     */
    record Written(HttpResponse head, Object body) implements Reply {
    }

    static Reply ok(Object body) {
        return new Json(HttpResponseStatus.OK, body);
    }

    static Reply accepted(Object body) {
        return new Json(HttpResponseStatus.ACCEPTED, body);
    }

    static Reply noContent() {
        return new Json(HttpResponseStatus.NO_CONTENT, null);
    }
}

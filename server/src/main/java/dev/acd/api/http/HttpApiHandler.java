package dev.acd.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.auth.Principal;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Dispatches each HTTP request through the {@link Routes}: authenticates, checks the route's access, runs the
 * handler and writes its reply; refusals become a JSON body {@code {"status": 400, "error": "..."}}. Shared by all
 * channels. Handlers run on the API worker group, never on an I/O event loop, since they may block briefly;
 * each connection keeps to one worker so that its responses come in the order of its requests.
 */
@ChannelHandler.Sharable
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiHandler.class);

    /** The worker a connection's requests run on, so its responses keep the order of its requests. */
    private static final AttributeKey<EventExecutor> WORKER = AttributeKey.valueOf("acd.api.worker");

    private final Routes routes;
    private final Authentication auth;
    private final ObjectMapper json;
    private final EventExecutorGroup workers;

    public HttpApiHandler(Routes routes, Authentication auth, ObjectMapper json, EventExecutorGroup workers) {
        this.routes = routes;
        this.auth = auth;
        this.json = json;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        EventExecutor worker = ctx.channel().attr(WORKER).setIfAbsent(workers.next());
        if (worker == null) {
            worker = ctx.channel().attr(WORKER).get();
        }
        request.retain();
        try {
            worker.execute(() -> {
                try {
                    handle(ctx, request);
                } finally {
                    request.release();
                }
            });
        } catch (RejectedExecutionException stopping) {
            request.release();
            write(ctx, error(HttpResponseStatus.SERVICE_UNAVAILABLE, "the API is shutting down"), false);
        }
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.decoderResult().isSuccess()) {
            write(ctx, error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: "
                    + request.decoderResult().cause()), false);
            return;
        }
        Reply reply;
        try {
            reply = dispatch(ctx, request);
        } catch (ApiException e) {
            reply = new Reply.Json(e.status(), errorBody(e.status(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            reply = new Reply.Json(HttpResponseStatus.BAD_REQUEST, errorBody(HttpResponseStatus.BAD_REQUEST,
                    e.getMessage()));
        } catch (Exception e) {
            LOG.warn("{} {} failed", request.method(), request.uri(), e);
            reply = new Reply.Json(HttpResponseStatus.INTERNAL_SERVER_ERROR, errorBody(
                    HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e));
        }
        if (reply instanceof Reply.Written written) {
            HttpUtil.setKeepAlive(written.head(), keepAlive);
            ChannelFuture done;
            if (written.body() == null) {
                done = ctx.writeAndFlush(written.head());
            } else {
                ctx.write(written.head());
                done = ctx.writeAndFlush(written.body());
            }
            if (!keepAlive) {
                done.addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        Reply.Json body = (Reply.Json) reply;
        FullHttpResponse response = response(body.status(), body.body());
        body.headers().forEach((name, value) -> response.headers().add(name, value));
        write(ctx, response, keepAlive);
    }

    private Reply dispatch(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        String path = new QueryStringDecoder(request.uri()).path();
        List<HttpMethod> allowed = new ArrayList<>();
        Routes.Match match = routes.find(request.method(), path, allowed);
        if (match == null) {
            if (!allowed.isEmpty()) {
                throw new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, request.method() + " is not allowed on "
                        + path + "; use " + allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
            }
            throw ApiException.notFound("no such endpoint: " + request.method() + " " + path);
        }
        String token = Authentication.token(request, false);
        Principal principal = auth.principal(token);
        Authentication.check(match.route().access(), principal, token != null);
        return match.route().handler().handle(new Exchange(request, match.params(), principal, token,
                ctx.channel().remoteAddress(), json));
    }

    private Map<String, Object> errorBody(HttpResponseStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.code());
        body.put("error", message);
        return body;
    }

    private FullHttpResponse error(HttpResponseStatus status, String message) {
        return response(status, errorBody(status, message));
    }

    private FullHttpResponse response(HttpResponseStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a reply as JSON", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        if (body != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        }
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        HttpUtil.setContentLength(response, bytes.length);
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}

package dev.acd.api.live;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.auth.Principal;
import dev.acd.api.http.Authentication;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;

/**
 * Guards the live feed: a handshake request to {@link #PATH} needs a session (bearer, cookie or
 * {@code access_token}), else it is answered 401 with a JSON body and never upgraded. After Netty's
 * {@link WebSocketServerProtocolHandler} completes the handshake, {@link Subscribe} subscribes the channel.
 */
@ChannelHandler.Sharable
public final class FeedHandshake extends ChannelInboundHandlerAdapter {
    /** The WebSocket endpoint of the live feed. */
    public static final String PATH = "/api/live/feed";
    static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf("acd.principal");

    private final Authentication auth;
    private final ObjectMapper json;

    public FeedHandshake(Authentication auth, ObjectMapper json) {
        this.auth = auth;
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest request && new QueryStringDecoder(request.uri()).path().equals(PATH)) {
            Principal principal = auth.principal(Authentication.token(request, true));
            if (principal == null) {
                ReferenceCountUtil.release(request);
                byte[] body = json.writeValueAsBytes(Map.of("status", 401, "error",
                        "log in first; the feed takes the session as a bearer token, the session cookie or access_token"));
                FullHttpResponse refused = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.UNAUTHORIZED, Unpooled.wrappedBuffer(body));
                refused.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
                HttpUtil.setContentLength(refused, body.length);
                ctx.writeAndFlush(refused).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.channel().attr(PRINCIPAL).set(principal);
        }
        super.channelRead(ctx, msg);
    }

    /**
     * Sits after Netty's WebSocket handler: subscribes the channel once the handshake completes, and drops what
     * the browser sends (the feed is one-way).
     */
    @ChannelHandler.Sharable
    public static final class Subscribe extends ChannelInboundHandlerAdapter {
        private final LiveService live;

        public Subscribe(LiveService live) {
            this.live = live;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                live.subscribe(ctx.channel(), ctx.channel().attr(PRINCIPAL).get());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof WebSocketFrame) {
                ReferenceCountUtil.release(msg);
                return;
            }
            super.channelRead(ctx, msg);
        }
    }
}

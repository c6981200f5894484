package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessageParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Assembles the pipeline of one SIP TCP connection: connection table, idle timer, stream decoder, encoder, handler. */
public final class TcpChannelInitializer extends ChannelInitializer<Channel> {
    private final SipMessageParser parser;
    private final SipInboundHandler handler;
    private final long idleTimeoutMs;
    private final TcpConnections connections;

    public TcpChannelInitializer(SipMessageParser parser, SipInboundHandler handler, long idleTimeoutMs) {
        this(parser, handler, idleTimeoutMs, null);
    }

    /** With {@code connections} non-null, every connection is listed there while open, for reuse. */
    public TcpChannelInitializer(SipMessageParser parser, SipInboundHandler handler, long idleTimeoutMs,
            TcpConnections connections) {
        this.parser = parser;
        this.handler = handler;
        this.idleTimeoutMs = idleTimeoutMs;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (connections != null) {
            ch.pipeline().addLast("connections", connections);
        }
        ch.pipeline().addLast("idle", new IdleStateHandler(0, 0, idleTimeoutMs, TimeUnit.MILLISECONDS))
                .addLast("sip-decoder", new SipStreamDecoder(parser))
                .addLast("sip-encoder", new SipStreamEncoder())
                .addLast("sip-handler", handler);
    }
}

package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every SIP pipeline: answers failed requests with 400/513 (or drops and counts what cannot be
 * answered), records rport/received on requests (RFC 3581), answers keep-alive pings, closes idle connections and
 * hands good messages to the {@link SipMessageListener}. No exception closes a datagram channel or the event loop.
 * Stateless: one instance is shared by all channels.
 */
@ChannelHandler.Sharable
public final class SipInboundHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SipInboundHandler.class);
    private static final byte[] PONG = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SipMessageListener listener;
    private final TransportCounters counters;

    public SipInboundHandler(SipMessageListener listener, TransportCounters counters) {
        this.listener = listener;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof IncomingMessage incoming) {
                handle(incoming);
            } else if (msg == KeepAlivePing.INSTANCE) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(IncomingMessage incoming) {
        SipMessage message = incoming.message();
        if (message.isFailed()) {
            if (message.canBeAnswered()) {
                counters.countAnswered();
                incoming.reply(SipResponses.answerFailure(message));
            } else {
                counters.countDropped();
            }
            LOG.debug("bad message from {} over {}: {}", incoming.remote(), incoming.transport(), message);
            return;
        }
        if (message.isRequest() && incoming.remote() != null) {
            message.recordSource(incoming.remote().getAddress().getHostAddress(), incoming.remote().getPort());
        }
        counters.countReceived();
        listener.onMessage(incoming);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        counters.countError();
        if (cause instanceof IOException && ctx.channel().parent() != null) {
            // a broken TCP connection is gone anyway; a datagram channel has no parent and stays up
            ctx.close();
            return;
        }
        LOG.warn("error in SIP pipeline of {}; channel kept", ctx.channel(), cause);
    }
}

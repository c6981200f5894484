package dev.acd.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open TCP connections, accepted and connected, by the peer's address, so a request to a peer reuses the
 * connection it already has with us (RFC 3261 section 18.1.1). Connections leave the table when they close.
 * Thread-safe: every event loop reads and writes it.
 */
@ChannelHandler.Sharable
public final class TcpConnections extends ChannelInboundHandlerAdapter {
    private final Map<InetSocketAddress, Channel> byPeer = new ConcurrentHashMap<>();

    /** The open connection with {@code peer}, or null. */
    public Channel find(InetSocketAddress peer) {
        Channel channel = byPeer.get(peer);
        return channel != null && channel.isActive() ? channel : null;
    }

    /** Open connections. */
    public int size() {
        return byPeer.size();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        if (channel.remoteAddress() instanceof InetSocketAddress peer) {
            byPeer.put(peer, channel);
            channel.closeFuture().addListener(f -> byPeer.remove(peer, channel));
        }
        ctx.fireChannelActive();
    }
}

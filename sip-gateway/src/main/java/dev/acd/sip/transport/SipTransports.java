package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessageParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import dev.acd.sip.message.SipMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The running UDP and TCP listeners: binds every configured address on start, on native epoll when the platform
 * has it and NIO otherwise, and hands every good message to one {@link SipMessageListener}. Sends requests out:
 * over UDP from the first bound socket, over TCP on the open connection with the peer or a new one. Start once,
 * close once; {@link #send} may be called from any thread.
 */
public final class SipTransports implements AutoCloseable {
    private static final int UDP_SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    private final TransportSettings settings;
    private final TransportCounters counters = new TransportCounters();
    private final EventLoopGroup group;
    private final boolean nativeEpoll;
    private final List<Channel> udpChannels = new ArrayList<>();
    private final List<Channel> tcpChannels = new ArrayList<>();
    private final SipInboundHandler handler;
    private final SipMessageParser parser;
    private final TcpConnections connections = new TcpConnections();

    private SipTransports(TransportSettings settings, SipMessageListener listener) {
        this.settings = settings;
        this.nativeEpoll = Epoll.isAvailable();
        IoHandlerFactory io = nativeEpoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), io);
        this.parser = new SipMessageParser(settings.maxMessageBytes(), settings.maxHeaderBytes());
        this.handler = new SipInboundHandler(listener, counters);
    }

    /** Binds every configured address; on failure closes what was bound and rethrows naming the address. */
    public static SipTransports start(TransportSettings settings, SipMessageListener listener) {
        SipTransports transports = new SipTransports(settings, listener);
        try {
            transports.bindAll();
        } catch (RuntimeException e) {
            transports.close();
            throw e;
        }
        return transports;
    }

    private void bindAll() {
        for (InetSocketAddress address : settings.udp()) {
            Bootstrap b = new Bootstrap().group(group)
                    .channel(nativeEpoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                    // Netty reads 2048-byte datagrams by default and cuts the rest silently; one byte over the
                    // limit lets an oversized datagram be seen as such (513) instead of as a truncated one.
                    .option(ChannelOption.RECVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(settings.maxMessageBytes() + 1))
                    // One socket takes every UDP message: with the kernel's default buffer (208 KiB) a 100-200 ms
                    // stall of its loop (a GC, a busy machine) overflowed it at 200 calls/s and the dropped 180s,
                    // 200s and ACKs cost a retransmission each, 500 ms (perf/RESULTS.md, "ACD under load"). The
                    // kernel caps this at net.core.rmem_max.
                    .option(ChannelOption.SO_RCVBUF, UDP_SOCKET_BUFFER_BYTES)
                    .handler(new UdpChannelInitializer(parser, handler));
            udpChannels.add(bind(b.bind(address), "UDP", address));
        }
        for (InetSocketAddress address : settings.tcp()) {
            ServerBootstrap b = new ServerBootstrap().group(group)
                    .channel(nativeEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(new TcpChannelInitializer(parser, handler, settings.tcpIdleTimeoutMs(), connections));
            tcpChannels.add(bind(b.bind(address), "TCP", address));
        }
    }

    private static Channel bind(io.netty.channel.ChannelFuture future, String transport, InetSocketAddress address) {
        future.awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IllegalStateException("cannot bind SIP " + transport + " on " + address + ": "
                    + future.cause().getMessage(), future.cause());
        }
        return future.channel();
    }

    /** The address UDP is bound on, port resolved; index follows {@link TransportSettings#udp()}. */
    public InetSocketAddress udpAddress(int index) {
        return (InetSocketAddress) udpChannels.get(index).localAddress();
    }

    /** The address TCP listens on, port resolved; index follows {@link TransportSettings#tcp()}. */
    public InetSocketAddress tcpAddress(int index) {
        return (InetSocketAddress) tcpChannels.get(index).localAddress();
    }

    /** The datagram channel bound on {@code udpAddress(index)}, to send requests from. */
    public Channel udpChannel(int index) {
        return udpChannels.get(index);
    }

    /**
     * Sends {@code message} to {@code remote}: over UDP from the first bound socket; over TCP on the open connection
     * with that peer, or on a new one (the message is written once it is connected; a failed connect loses it, and
     * the transaction's own timeout reports that).
     *
     * @throws IllegalStateException when no socket of that transport is bound
     */
    public void send(SipTransport transport, InetSocketAddress remote, SipMessage message) {
        OutgoingMessage out = new OutgoingMessage(message, remote);
        if (transport == SipTransport.UDP) {
            if (udpChannels.isEmpty()) {
                throw new IllegalStateException("no UDP socket bound to send " + message + " to " + remote);
            }
            udpChannels.get(0).writeAndFlush(out);
            return;
        }
        Channel open = connections.find(remote);
        if (open != null) {
            open.writeAndFlush(out);
            return;
        }
        connect(remote).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                f.channel().writeAndFlush(out);
            } else {
                counters.countError();
            }
        });
    }

    /** Opens a TCP connection to {@code remote} with the same pipeline as accepted ones; listed for reuse. */
    public ChannelFuture connect(InetSocketAddress remote) {
        return new Bootstrap().group(group)
                .channel(nativeEpoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .handler(new TcpChannelInitializer(parser, handler, settings.tcpIdleTimeoutMs(), connections))
                .connect(remote);
    }

    /** The open TCP connections, accepted and connected. */
    public TcpConnections connections() {
        return connections;
    }

    /** An event loop of the transports' group, round robin: where a new piece of work (a call we place) lives. */
    public EventLoop nextLoop() {
        return group.next();
    }

    /** True when running on the native epoll transport. */
    public boolean nativeEpoll() {
        return nativeEpoll;
    }

    public TransportCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        udpChannels.forEach(Channel::close);
        tcpChannels.forEach(Channel::close);
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}

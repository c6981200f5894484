package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessageParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The running UDP and TCP listeners: binds every configured address on start, on native epoll when the platform
 * has it and NIO otherwise, and hands every good message to one {@link SipMessageListener}. Start once, close once.
 */
public final class SipTransports implements AutoCloseable {
    private final TransportSettings settings;
    private final TransportCounters counters = new TransportCounters();
    private final EventLoopGroup group;
    private final boolean nativeEpoll;
    private final List<Channel> udpChannels = new ArrayList<>();
    private final List<Channel> tcpChannels = new ArrayList<>();
    private final SipInboundHandler handler;
    private final SipMessageParser parser;

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
                    .handler(new UdpChannelInitializer(parser, handler));
            udpChannels.add(bind(b.bind(address), "UDP", address));
        }
        for (InetSocketAddress address : settings.tcp()) {
            ServerBootstrap b = new ServerBootstrap().group(group)
                    .channel(nativeEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(new TcpChannelInitializer(parser, handler, settings.tcpIdleTimeoutMs()));
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

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
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The running UDP and TCP listeners: binds every configured address on start, on native epoll when the platform
 * has it and NIO otherwise, and hands every good message to one {@link SipMessageListener}. Sends requests out:
 * over UDP from the calling loop's own socket ({@link UdpSockets}), over TCP on the open connection with the peer or a new one. Start once,
 * close once; {@link #send} may be called from any thread.
 */
public final class SipTransports implements AutoCloseable {
    private static final int UDP_SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    /**
     * Datagrams read from a SIP socket each time the loop finds it readable. Netty reads one when we hand it our own
     * allocator, and a loop also relaying a few hundred calls' RTP comes round to its sockets only every few ms: read
     * one at a time, one busy caller's INVITEs, ACKs and BYEs queued for seconds at 1,000 calls (perf/RESULTS.md).
     * 64 empties a burst in a turn or two and still lets the RTP on the same loop go next.
     */
    static final int UDP_READS_PER_TURN = 64;

    private final TransportSettings settings;
    private final TransportCounters counters = new TransportCounters();
    private final EventLoopGroup group;
    private final boolean nativeEpoll;
    private final List<Channel> udpChannels = new ArrayList<>();
    private final List<UdpSockets> udpSockets = new ArrayList<>();
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
            UdpSockets sockets = bindUdp(address);
            udpSockets.add(sockets);
            udpChannels.add(sockets.channels().get(0));
        }
        for (InetSocketAddress address : settings.tcp()) {
            ServerBootstrap b = new ServerBootstrap().group(group)
                    .channel(nativeEpoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(new TcpChannelInitializer(parser, handler, settings.tcpIdleTimeoutMs(), connections));
            tcpChannels.add(bind(b.bind(address), "TCP", address));
        }
    }

    /**
     * Binds one UDP socket on {@code address} per event loop with SO_REUSEPORT (native epoll), or a single socket
     * (NIO). SO_REUSEPORT would also let a second server on the same port share the traffic unnoticed, so a fixed
     * port is first checked free with a plain socket: a port in use still fails the start.
     */
    private UdpSockets bindUdp(InetSocketAddress address) {
        List<EventLoop> loops = new ArrayList<>();
        group.forEach(executor -> loops.add((EventLoop) executor));
        int count = nativeEpoll ? loops.size() : 1;
        if (count > 1 && address.getPort() != 0) {
            requireFree(address);
        }
        List<Channel> channels = new ArrayList<>();
        InetSocketAddress bindTo = address;
        try {
            for (int i = 0; i < count; i++) {
                Channel channel = bind(udpBootstrap(loops.get(i), count > 1).bind(bindTo), "UDP", address);
                channels.add(channel);
                // Port 0 resolves on the first bind; the other sockets join that port.
                bindTo = (InetSocketAddress) channel.localAddress();
            }
        } catch (RuntimeException e) {
            channels.forEach(Channel::close);
            throw e;
        }
        return UdpSockets.join(channels);
    }

    private Bootstrap udpBootstrap(EventLoop loop, boolean reusePort) {
        Bootstrap b = new Bootstrap().group(loop)
                .channel(nativeEpoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                // Netty reads 2048-byte datagrams by default and cuts the rest silently; one byte over the
                // limit lets an oversized datagram be seen as such (513) instead of as a truncated one.
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(settings.maxMessageBytes() + 1)
                        .maxMessagesPerRead(UDP_READS_PER_TURN))
                // With the kernel's default buffer (208 KiB) a 100-200 ms stall of a loop (a GC, a busy machine)
                // overflowed it at 200 calls/s and the dropped 180s, 200s and ACKs cost a retransmission each,
                // 500 ms (perf/RESULTS.md, "ACD under load"). The kernel caps this at net.core.rmem_max.
                .option(ChannelOption.SO_RCVBUF, UDP_SOCKET_BUFFER_BYTES)
                .handler(new UdpChannelInitializer(parser, handler));
        if (reusePort) {
            b.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        return b;
    }

    private static void requireFree(InetSocketAddress address) {
        try (DatagramSocket probe = new DatagramSocket(address)) {
            // free: closed again at once, our sockets take it next
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind SIP UDP on " + address + ": " + e.getMessage(), e);
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

    /** Every datagram channel bound on {@code udpAddress(index)}: one per event loop on native epoll. */
    public List<Channel> udpSockets(int index) {
        return udpSockets.get(index).channels();
    }

    /** The first datagram channel bound on {@code udpAddress(index)}, to send requests from. */
    public Channel udpChannel(int index) {
        return udpChannels.get(index);
    }

    /**
     * Sends {@code message} to {@code remote}: over UDP from the calling loop's own socket (the first one when called
     * from elsewhere); over TCP on the open connection with that peer, or on a new one (the message is written once
     * it is connected; a failed connect loses it, and the transaction's own timeout reports that).
     *
     * @throws IllegalStateException when no socket of that transport is bound
     */
    public void send(SipTransport transport, InetSocketAddress remote, SipMessage message) {
        OutgoingMessage out = new OutgoingMessage(message, remote);
        if (transport == SipTransport.UDP) {
            if (udpChannels.isEmpty()) {
                throw new IllegalStateException("no UDP socket bound to send " + message + " to " + remote);
            }
            udpSockets.get(0).onCurrentLoop(udpChannels.get(0)).writeAndFlush(out);
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

    /**
     * A new Call-ID at {@code host}; on one of the UDP sockets' loops, one whose home is that loop, so the dialog a
     * request with it starts there receives its peer's requests on its own loop (a NOTIFY we send then cannot
     * overtake the 202 to the REFER that caused it).
     */
    public String newCallId(String host) {
        UdpSockets sockets = udpSockets.isEmpty() ? null : udpSockets.get(0);
        boolean pinned = sockets != null && sockets.onCurrentLoop(null) != null;
        while (true) {
            String callId = SipResponses.newTag() + SipResponses.newTag() + "@" + host;
            if (!pinned || sockets.homeOf(callId).inEventLoop()) {
                return callId;
            }
        }
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
        udpSockets.forEach(sockets -> sockets.channels().forEach(Channel::close));
        tcpChannels.forEach(Channel::close);
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}

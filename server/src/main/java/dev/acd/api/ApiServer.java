package dev.acd.api;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.auth.Authenticator;
import dev.acd.api.auth.LoginThrottle;
import dev.acd.api.auth.Sessions;
import dev.acd.api.http.Authentication;
import dev.acd.api.http.HttpApiHandler;
import dev.acd.api.live.FeedHandshake;
import dev.acd.api.live.LiveService;
import dev.acd.config.AcdConfig;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.journal.Journal;
import dev.acd.core.time.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The supervisor and rep HTTP + WebSocket API (docs/api.md). Everything it shows comes from the journal, read from
 * its first event by a {@link LiveService}; rep control and dispositions are published to {@code publisher}, and
 * show once the router has journaled them. It registers the live meters ({@code StatsMeters}) in the registry it is
 * given, so the host must not register them too.
 *
 * <p>Threads: one Netty boss and one worker event loop for I/O, {@value #API_WORKERS} API worker threads that run the
 * handlers (logins hash passwords, statistics may replay the journal), and the live thread. {@link #close()} stops
 * all of them.
 */
public final class ApiServer implements AutoCloseable {
    /** Largest request body accepted, in bytes. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    static final int API_WORKERS = 2;

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventExecutorGroup workers = new DefaultEventExecutorGroup(API_WORKERS);
    private final ChannelGroup channels = new DefaultChannelGroup("api", GlobalEventExecutor.INSTANCE);
    private final LiveService live;
    private final Channel server;

    private ApiServer(ApiSettings settings, Journal journal, EventPublisher publisher, Supplier<AcdConfig> config,
                      Clock clock, PrometheusMeterRegistry registry, ApiServices services)
            throws InterruptedException {
        ObjectMapper json = new ObjectMapper();
        AcdConfig initial = config.get();
        live = new LiveService(journal, initial.model(), initial.zone(), clock, registry, json);
        Sessions sessions = new Sessions(clock, settings.sessionTtlMs());
        Authentication auth = new Authentication(sessions);
        Authenticator authenticator = new Authenticator(config,
                new LoginThrottle(clock, settings.maxFailedLogins(), settings.loginWindowMs()));
        ApiRoutes routes = new ApiRoutes(live, journal, publisher, config, clock, registry, sessions, authenticator,
                settings.recordingsDir(), services);
        HttpApiHandler api = new HttpApiHandler(routes.routes(), auth, json, workers);
        FeedHandshake feedAuth = new FeedHandshake(auth, json);
        FeedHandshake.Subscribe subscribe = new FeedHandshake.Subscribe(live);
        WebSocketServerProtocolConfig feed = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(FeedHandshake.PATH).checkStartsWith(true).build();
        live.start();
        try {
            server = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            channels.add(ch);
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new ChunkedWriteHandler())
                                    .addLast(feedAuth)
                                    .addLast(new WebSocketServerProtocolHandler(feed))
                                    .addLast(subscribe)
                                    .addLast(api);
                        }
                    })
                    .bind(settings.host(), settings.port()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the API on {@code settings.host():settings.port()}.
     *
     * @param journal   the journal to follow (read only; its writer is the router pipeline)
     * @param publisher where rep control and dispositions go (the router pipeline)
     * @param config    the configuration now: users, outcomes, zone; asked again at each login, so a reload applies
     * @param clock     "now" for waits, times in state, sessions and the events the API publishes
     * @param registry  the registry {@code /metrics} scrapes; the API adds the live meters to it
     * @throws InterruptedException if interrupted while binding
     */
    public static ApiServer start(ApiSettings settings, Journal journal, EventPublisher publisher,
                                  Supplier<AcdConfig> config, Clock clock, PrometheusMeterRegistry registry)
            throws InterruptedException {
        return start(settings, journal, publisher, config, clock, registry, ApiServices.NONE);
    }

    /** The same, with the configuration reload an admin may ask for and the supervisors' QA desk. */
    public static ApiServer start(ApiSettings settings, Journal journal, EventPublisher publisher,
                                  Supplier<AcdConfig> config, Clock clock, PrometheusMeterRegistry registry,
                                  ApiServices services) throws InterruptedException {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registry, "registry");
        return new ApiServer(settings, journal, publisher, config, clock, registry, services);
    }

    /** The port the API listens on (the one picked when the settings asked for 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Whether the live state has read the journal up to where it was at start. */
    public boolean ready() {
        return live.caughtUp();
    }

    /** Events the live state has read from the journal, from its first event on (for the journal-lag meter). */
    public long eventsRead() {
        return live.eventsRead();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        // Connections first, while every executor runs; then the workers, whose last replies go to the I/O loop;
        // then the I/O loops.
        channels.close().awaitUninterruptibly();
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        io.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        live.close();
    }
}

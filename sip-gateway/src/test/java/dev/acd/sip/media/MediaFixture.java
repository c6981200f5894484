package dev.acd.sip.media;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One event loop and an endpoint factory on loopback, with a port range picked at random below the ephemeral one. */
final class MediaFixture implements AutoCloseable {
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final EventLoop loop = group.next();
    final RtpPortPool pool;
    final RtpEndpoints endpoints;
    private final List<RtpEndpoint> opened = new ArrayList<>();

    MediaFixture(long noMediaTimeoutMs) {
        int first = 20000 + 2 * ThreadLocalRandom.current().nextInt(5000);
        pool = new RtpPortPool(first, first + 99);
        endpoints = new RtpEndpoints(pool, InetAddress.getLoopbackAddress(), NioDatagramChannel.class,
                new MediaSettings(first, first + 99, noMediaTimeoutMs));
    }

    RtpEndpoint open() throws Exception {
        RtpEndpoint e = endpoints.open(loop).get(5, TimeUnit.SECONDS);
        opened.add(e);
        return e;
    }

    <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    void run(Runnable task) throws Exception {
        loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        opened.forEach(RtpEndpoint::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

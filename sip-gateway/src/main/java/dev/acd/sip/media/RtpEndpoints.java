package dev.acd.sip.media;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Opens {@link RtpEndpoint}s: takes a port pair from the pool and binds a UDP channel on the given event loop. A port
 * some other program holds is skipped (and goes back to the pool). Thread-safe.
 */
public final class RtpEndpoints {
    /** Larger than any G.711 packet we expect (20-60 ms = 160-480 bytes plus header), below a typical MTU. */
    private static final int MAX_DATAGRAM_BYTES = 1500;
    private static final int BIND_ATTEMPTS = 8;
    /**
     * Packets read from a leg's socket each time its loop finds it readable (Netty reads one with our allocator). A leg
     * gets one every 20 ms; after the loop was held up (a GC, a busy machine) a few wait, and reading them one per
     * turn would keep the leg that far behind until the loop runs faster than the packets come.
     */
    static final int READS_PER_TURN = 8;

    private final RtpPortPool pool;
    private final InetAddress bindAddress;
    private final Class<? extends DatagramChannel> channelClass;
    private final MediaSettings settings;
    /** Guards the totals: an endpoint moves from {@code open} to the closed sums in one step. */
    private final Object totalsLock = new Object();
    private final java.util.Set<RtpEndpoint> open = new java.util.HashSet<>();
    private long opened;
    private long closedIn;
    private long closedOut;
    private long closedLost;
    private long closedLate;
    private long closedIgnored;

    /**
     * @param channelClass the datagram channel class matching the loops' transport (NIO or epoll)
     */
    public RtpEndpoints(RtpPortPool pool, InetAddress bindAddress, Class<? extends DatagramChannel> channelClass,
            MediaSettings settings) {
        this.pool = pool;
        this.bindAddress = bindAddress;
        this.channelClass = channelClass;
        this.settings = settings;
    }

    /** The pool ports come from. */
    public RtpPortPool pool() {
        return pool;
    }

    /**
     * Opens an endpoint on {@code loop}. Completes with the bound endpoint, or exceptionally with an
     * {@link IllegalStateException} when the pool is empty or no port could be bound.
     */
    public CompletableFuture<RtpEndpoint> open(EventLoop loop) {
        CompletableFuture<RtpEndpoint> result = new CompletableFuture<>();
        attempt(loop, result, BIND_ATTEMPTS, null);
        return result;
    }

    /** Endpoints open now (two per bridged call, one per caller hearing music or a prompt); from any thread. */
    public int openLegs() {
        synchronized (totalsLock) {
            return open.size();
        }
    }

    /** Every endpoint's counters summed, closed ones included; from any thread. */
    public RtpTotals totals() {
        synchronized (totalsLock) {
            long in = closedIn;
            long out = closedOut;
            long lost = closedLost;
            long late = closedLate;
            long ignored = closedIgnored;
            for (RtpEndpoint endpoint : open) {
                RtpCounters c = endpoint.counters();
                in += c.packetsIn();
                out += c.packetsOut();
                lost += c.lost();
                late += c.late();
                ignored += c.ignored();
            }
            return new RtpTotals(open.size(), opened, in, out, lost, late, ignored);
        }
    }

    private void closed(RtpEndpoint endpoint) {
        RtpCounters c = endpoint.counters();
        synchronized (totalsLock) {
            if (open.remove(endpoint)) {
                closedIn += c.packetsIn();
                closedOut += c.packetsOut();
                closedLost += c.lost();
                closedLate += c.late();
                closedIgnored += c.ignored();
            }
        }
    }

    private void attempt(EventLoop loop, CompletableFuture<RtpEndpoint> result, int attemptsLeft, Throwable last) {
        if (attemptsLeft == 0) {
            result.completeExceptionally(new IllegalStateException("could not bind an RTP port on " + bindAddress
                    + " after " + BIND_ATTEMPTS + " attempts: " + (last == null ? "" : last.getMessage()), last));
            return;
        }
        int port = pool.acquire();
        if (port < 0) {
            result.completeExceptionally(new IllegalStateException("no free RTP port: all " + pool.capacity()
                    + " pairs in use"));
            return;
        }
        RtpEndpoint endpoint = new RtpEndpoint(loop, pool, port, settings.noMediaTimeoutMs());
        Bootstrap b = new Bootstrap().group(loop).channel(channelClass)
                .option(ChannelOption.RECVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(MAX_DATAGRAM_BYTES).maxMessagesPerRead(READS_PER_TURN))
                .handler(new RtpEndpoint.Inbound(endpoint));
        b.bind(new InetSocketAddress(bindAddress, port)).addListener(f -> {
            if (f.isSuccess()) {
                endpoint.attach(((io.netty.channel.ChannelFuture) f).channel());
                endpoint.whenClosed(this::closed);
                synchronized (totalsLock) {
                    open.add(endpoint);
                    opened++;
                }
                result.complete(endpoint);
            } else {
                pool.release(port);
                attempt(loop, result, attemptsLeft - 1, f.cause());
            }
        });
    }
}

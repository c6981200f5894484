package dev.acd.demo;

import dev.acd.sip.media.MediaSettings;
import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.media.RtpPortPool;
import dev.acd.sip.message.SipLimits;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.ua.SipStack;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one simulated population (the reps' phones, or the customers' trunk) runs on: a SIP stack on a loopback UDP
 * port of its own, RTP endpoints from a port range of its own (so it never takes the server's media ports), and one
 * timer thread for the population's decisions. Close once.
 */
final class DemoNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetwork.class);

    private final SipStack stack;
    private final RtpEndpoints media;
    private final ScheduledExecutorService timers;

    private DemoNetwork(SipStack stack, RtpEndpoints media, ScheduledExecutorService timers) {
        this.stack = stack;
        this.media = media;
        this.timers = timers;
    }

    /** Binds SIP on 127.0.0.1 (an ephemeral port) and prepares RTP on {@code rtpFirst..rtpLast}. */
    static DemoNetwork start(String name, int rtpFirst, int rtpLast) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SipStack stack = SipStack.start(new TransportSettings(List.of(new InetSocketAddress(loopback, 0)), List.of(),
                2, TransportSettings.DEFAULT_TCP_IDLE_TIMEOUT_MS, SipLimits.MAX_MESSAGE_BYTES,
                SipLimits.MAX_HEADER_BYTES), TimerSettings.DEFAULTS);
        RtpEndpoints media = new RtpEndpoints(new RtpPortPool(rtpFirst, rtpLast), loopback,
                stack.transports().nativeEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class,
                new MediaSettings(rtpFirst, rtpLast, 0));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-" + name);
            t.setDaemon(true);
            return t;
        });
        return new DemoNetwork(stack, media, timers);
    }

    SipStack stack() {
        return stack;
    }

    /** Our SIP address (UDP). */
    InetSocketAddress sipAddress() {
        return stack.localAddress(SipTransport.UDP);
    }

    /** Opens one party's media on one of the stack's loops. */
    CompletableFuture<CallMedia> openMedia(SplittableRandom random, double pitchHz, boolean leads) {
        return CallMedia.open(media, stack.transports().nextLoop(), InetAddress.getLoopbackAddress(), random,
                pitchHz, leads);
    }

    /** Runs {@code task} after {@code delayMs} on the timer thread; a task that throws is logged, not lost silently. */
    ScheduledFuture<?> later(long delayMs, Runnable task) {
        return timers.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("demo task failed", e);
            }
        }, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            timers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stack.close();
    }
}

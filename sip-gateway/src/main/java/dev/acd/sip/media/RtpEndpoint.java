package dev.acd.sip.media;

import dev.acd.sip.sdp.Codec;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Our RTP end of one leg, on its own UDP channel and port pair. Symmetric RTP: we send to the address the peer's SDP
 * gave until the first valid packet arrives, then to that packet's source, and from then on ignore packets from
 * other addresses (RFC 4961; for NAT). A new SDP ({@link #configure}) unlatches.
 *
 * <p>What we send carries our own SSRC, sequence and timestamp (random starts, RFC 3550 section 5.1). Open with
 * {@link RtpEndpoints#open}. Threading: everything runs on {@link #eventLoop()}, the call's loop; the send methods
 * must be called there, the others hop onto it when called from elsewhere.
 */
public final class RtpEndpoint implements AutoCloseable {
    private final EventLoop loop;
    private final RtpPortPool pool;
    private final int port;
    private final long noMediaTimeoutMs;
    private final RtpReceiveStatistics stats = new RtpReceiveStatistics();
    private Channel channel;
    private boolean closed;

    private Codec codec = Codec.PCMU;
    private int codecPayloadType = Codec.PCMU.staticPayloadType();
    private int telephoneEventPayloadType = -1;
    private MediaDirection direction = MediaDirection.SENDRECV;
    private InetSocketAddress remote;
    private boolean latched;

    private final long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private long nextTimestamp = ThreadLocalRandom.current().nextLong(1L << 32);

    private RtpPacketListener listener;
    private MediaFailureListener failureListener;
    private ScheduledFuture<?> watchdog;
    private boolean active;
    private boolean noMediaReported;
    private long lastPacketNanos;
    private java.util.function.Consumer<RtpEndpoint> whenClosed = e -> { };

    private volatile long packetsIn;
    private volatile long packetsOut;
    private volatile long ignored;

    RtpEndpoint(EventLoop loop, RtpPortPool pool, int port, long noMediaTimeoutMs) {
        this.loop = loop;
        this.pool = pool;
        this.port = port;
        this.noMediaTimeoutMs = noMediaTimeoutMs;
    }

    void attach(Channel channel) {
        this.channel = channel;
    }

    /** Told once, on the loop, when the endpoint closes (its owner folds the counters into its totals). */
    void whenClosed(java.util.function.Consumer<RtpEndpoint> callback) {
        this.whenClosed = callback;
    }

    /** The loop every call on this endpoint runs on. */
    public EventLoop eventLoop() {
        return loop;
    }

    /** Our RTP port (RTCP would be this + 1). */
    public int localPort() {
        return port;
    }

    /** The address we receive on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The codec we send and expect. */
    public Codec codec() {
        return codec;
    }

    /** The payload type our codec goes under on this leg. */
    public int codecPayloadType() {
        return codecPayloadType;
    }

    /** The telephone-event payload type on this leg, or -1. */
    public int telephoneEventPayloadType() {
        return telephoneEventPayloadType;
    }

    /** Applies a negotiation's codec, payload types, peer address and direction. */
    public void configure(Negotiation n) {
        configure(n.codec(), n.codecPayloadType(), n.telephoneEventPayloadType(), n.remote(), n.localDirection());
    }

    /**
     * Sets what to send and where; {@code remote} may be null (hold with c=0.0.0.0: send nothing). Unlatches, so the
     * next packet fixes the peer's address again.
     */
    public void configure(Codec codec, int codecPayloadType, int telephoneEventPayloadType, InetSocketAddress remote,
            MediaDirection direction) {
        onLoop(() -> {
            this.codec = codec;
            this.codecPayloadType = codecPayloadType;
            this.telephoneEventPayloadType = telephoneEventPayloadType;
            this.remote = remote;
            this.direction = direction;
            this.latched = false;
        });
    }

    /** Sets who gets the received packets (one listener: the bridge, a DTMF menu, or null to drop them). */
    public void listener(RtpPacketListener listener) {
        onLoop(() -> this.listener = listener);
    }

    /**
     * Marks the leg active (answered, not on hold) or not. While active and our direction receives, a silence of
     * the configured length is reported once to {@code failureListener}.
     */
    public void active(boolean active, MediaFailureListener failureListener) {
        onLoop(() -> {
            this.failureListener = failureListener;
            this.active = active;
            this.lastPacketNanos = System.nanoTime();
            this.noMediaReported = false;
            if (active && watchdog == null && noMediaTimeoutMs > 0 && !closed) {
                long period = Math.max(10, Math.min(1000, noMediaTimeoutMs / 4));
                watchdog = loop.scheduleAtFixedRate(this::checkMedia, period, period, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void checkMedia() {
        if (!active || noMediaReported || !direction.receives() || failureListener == null) {
            return;
        }
        long silentMs = (System.nanoTime() - lastPacketNanos) / 1_000_000;
        if (silentMs >= noMediaTimeoutMs) {
            noMediaReported = true;
            failureListener.onNoMedia(this, silentMs);
        }
    }

    /** Valid RTP packets received so far; cheap, from any thread (a liveness watch polls it). */
    public long packetsIn() {
        return packetsIn;
    }

    /** The timestamp the next frame of our own audio gets. */
    public long nextTimestamp() {
        return nextTimestamp;
    }

    /**
     * Sends {@code count} linear samples encoded with this leg's codec, at {@link #nextTimestamp()}.
     *
     * @param marker true for the first packet after a break (a new talk spurt, or a new source such as music)
     */
    public void sendPcm(boolean marker, short[] pcm, int count) {
        sendPcm(marker, nextTimestamp, pcm, count);
    }

    /** Sends {@code count} linear samples encoded with this leg's codec, at the given timestamp. */
    public void sendPcm(boolean marker, long timestamp, short[] pcm, int count) {
        ByteBuf out = header(marker, codecPayloadType, timestamp, count);
        if (out == null) {
            return;
        }
        AudioCodecs.encode(codec, pcm, count, out);
        nextTimestamp = (timestamp + count) & 0xFFFFFFFFL;
        write(out);
    }

    /**
     * Sends a payload copied from {@code from[index..index+length)} under payload type {@code payloadType} with the
     * given timestamp; {@code samples} is how far the timestamp moves for our next frame (0 for a repeated
     * telephone-event packet).
     */
    public void sendPayload(boolean marker, int payloadType, long timestamp, ByteBuf from, int index, int length,
            int samples) {
        ByteBuf out = header(marker, payloadType, timestamp, length);
        if (out == null) {
            return;
        }
        out.writeBytes(from, index, length);
        if (samples > 0) {
            nextTimestamp = (timestamp + samples) & 0xFFFFFFFFL;
        }
        write(out);
    }

    private ByteBuf header(boolean marker, int payloadType, long timestamp, int payloadBytes) {
        if (closed || remote == null || !direction.sends()) {
            return null;
        }
        ByteBuf out = channel.alloc().directBuffer(RtpPacket.HEADER_BYTES + payloadBytes);
        RtpPacket.writeHeader(out, marker, payloadType, sequence, timestamp, ssrc);
        sequence = (sequence + 1) & 0xFFFF;
        return out;
    }

    private void write(ByteBuf out) {
        packetsOut++;
        channel.writeAndFlush(new DatagramPacket(out, remote), channel.voidPromise());
    }

    /** A snapshot of the counters; from another thread the values may be a packet behind. */
    public RtpCounters counters() {
        return new RtpCounters(packetsIn, packetsOut, stats.lost(), stats.late(), stats.jitterMs(), ignored, remote,
                latched);
    }

    /** Closes the channel and gives the port pair back to the pool; idempotent. */
    @Override
    public void close() {
        onLoop(() -> {
            if (closed) {
                return;
            }
            closed = true;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            channel.close();
            pool.release(port);
            whenClosed.accept(this);
        });
    }

    void received(DatagramPacket datagram) {
        ByteBuf packet = datagram.content();
        if (closed || !RtpPacket.isValid(packet)) {
            ignored++;
            return;
        }
        InetSocketAddress source = datagram.sender();
        if (!latched) {
            remote = source;
            latched = true;
        } else if (!source.equals(remote)) {
            ignored++;
            return;
        }
        long now = System.nanoTime();
        lastPacketNanos = now;
        noMediaReported = false;
        packetsIn++;
        if (!stats.update(RtpPacket.ssrc(packet), RtpPacket.sequence(packet), RtpPacket.timestamp(packet), now)) {
            return;
        }
        if (listener != null) {
            listener.onRtp(this, packet);
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** The channel handler: hands datagrams to the endpoint on its loop. */
    static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final RtpEndpoint endpoint;

        Inbound(RtpEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            endpoint.received(packet);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // an ICMP port unreachable surfaces here on some platforms; the leg goes on, the watchdog notices silence
        }
    }
}

package dev.acd.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.List;

/**
 * The UDP sockets bound on one address, one per event loop (SO_REUSEPORT), so that SIP work over UDP spreads over
 * every loop instead of all of it landing on the one loop that owns a lone socket. A message is read on whichever
 * socket the kernel picks, then handled on the {@link #homeOf home loop} of its Call-ID, and anything sent on a loop
 * leaves through that loop's own socket: same address and port, no hop back to a reading loop.
 */
public final class UdpSockets {
    private static final AttributeKey<UdpSockets> KEY = AttributeKey.valueOf("dev.acd.sip.udpSockets");

    private final List<Channel> channels;

    private UdpSockets(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    /** Ties {@code channels} (bound on one address, on distinct loops) together; each can then find the others. */
    static UdpSockets join(List<Channel> channels) {
        UdpSockets sockets = new UdpSockets(channels);
        for (Channel channel : channels) {
            channel.attr(KEY).set(sockets);
        }
        return sockets;
    }

    /** The sockets {@code channel} belongs to, or null for a channel that is not a bound SIP UDP socket (TCP). */
    public static UdpSockets of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /**
     * The loop that handles every request with this Call-ID: retransmissions, CANCEL and ACK find their transaction
     * there whichever socket read them. A dialog that lives elsewhere (one we started) is reached from there by the
     * user agent core's own hop.
     */
    public EventLoop homeOf(String callId) {
        if (channels.size() == 1 || callId == null) {
            return channels.get(0).eventLoop();
        }
        int h = callId.hashCode();
        h ^= h >>> 16;
        return channels.get(Math.floorMod(h, channels.size())).eventLoop();
    }

    /** The socket owned by the loop we are running on, or {@code fallback} when called from elsewhere. */
    public Channel onCurrentLoop(Channel fallback) {
        for (Channel channel : channels) {
            if (channel.eventLoop().inEventLoop()) {
                return channel;
            }
        }
        return fallback;
    }

    /** Every socket, in binding order; the first is the address's primary. */
    public List<Channel> channels() {
        return channels;
    }
}

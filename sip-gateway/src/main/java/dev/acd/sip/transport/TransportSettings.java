package dev.acd.sip.transport;

import dev.acd.sip.message.SipLimits;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where the SIP transports listen and their limits. Port 0 picks an ephemeral port (tests).
 *
 * @param udp addresses to bind UDP on; may be empty
 * @param tcp addresses to listen for TCP on; may be empty
 * @param ioThreads event-loop threads; 0 lets Netty choose (twice the cores)
 * @param tcpIdleTimeoutMs a TCP connection with no traffic either way for this long is closed
 * @param maxMessageBytes see {@link SipLimits#MAX_MESSAGE_BYTES}
 * @param maxHeaderBytes see {@link SipLimits#MAX_HEADER_BYTES}
 */
public record TransportSettings(List<InetSocketAddress> udp, List<InetSocketAddress> tcp, int ioThreads,
        long tcpIdleTimeoutMs, int maxMessageBytes, int maxHeaderBytes) {
    /** A TCP connection idle this long is closed: longer than a typical 30 s keep-alive interval (RFC 5626). */
    public static final long DEFAULT_TCP_IDLE_TIMEOUT_MS = 120_000;

    public TransportSettings {
        udp = List.copyOf(udp);
        tcp = List.copyOf(tcp);
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0, was " + ioThreads);
        }
        if (tcpIdleTimeoutMs <= 0) {
            throw new IllegalArgumentException("tcpIdleTimeoutMs must be > 0, was " + tcpIdleTimeoutMs);
        }
    }

    /** UDP and TCP on one address with default limits. */
    public static TransportSettings on(InetSocketAddress address) {
        return new TransportSettings(List.of(address), List.of(address), 0, DEFAULT_TCP_IDLE_TIMEOUT_MS,
                SipLimits.MAX_MESSAGE_BYTES, SipLimits.MAX_HEADER_BYTES);
    }
}

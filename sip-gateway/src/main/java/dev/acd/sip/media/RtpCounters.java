package dev.acd.sip.media;

import java.net.InetSocketAddress;

/**
 * A snapshot of one endpoint's counters.
 *
 * @param packetsIn valid RTP packets received from the peer
 * @param packetsOut RTP packets sent
 * @param lost packets missing by sequence gaps (RFC 3550 A.3), for the current source
 * @param late packets that arrived after a later one (reordered or duplicated); still relayed
 * @param jitterMs interarrival jitter (RFC 3550 A.8), milliseconds
 * @param ignored packets dropped before accounting: not RTP, or from another address once latched
 * @param sendingTo where RTP goes now (the SDP address, or the latched source), or null
 * @param latched true once the first packet fixed the peer's address
 */
public record RtpCounters(long packetsIn, long packetsOut, long lost, long late, double jitterMs, long ignored,
        InetSocketAddress sendingTo, boolean latched) {
}

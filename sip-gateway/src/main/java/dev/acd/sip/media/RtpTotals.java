package dev.acd.sip.media;

/**
 * The counters of every endpoint one {@link RtpEndpoints} opened, closed ones included, for metrics. Live endpoints
 * are read from another thread, so a total may be a packet behind; {@code lost} of a live endpoint can shrink when a
 * late packet fills a gap (RFC 3550 A.3 counts it that way).
 *
 * @param open       endpoints open now
 * @param opened     endpoints opened since start
 * @param packetsIn  valid RTP packets received
 * @param packetsOut RTP packets sent
 * @param lost       packets missing by sequence gaps
 * @param late       packets that came after a later one
 * @param ignored    datagrams dropped before accounting (not RTP, or from an address other than the latched one)
 */
public record RtpTotals(long open, long opened, long packetsIn, long packetsOut, long lost, long late, long ignored) {
}

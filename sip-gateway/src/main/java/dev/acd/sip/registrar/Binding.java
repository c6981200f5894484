package dev.acd.sip.registrar;

import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;

/**
 * One registration binding, as it was when read: where a rep's softphone can be reached. Behind NAT the Contact
 * names an address nobody can reach; call control sends to {@code source} over {@code transport} (the flow the
 * REGISTER came in on, RFC 3581) with the Request-URI set to {@code contact}.
 *
 * @param repId         the rep whose softphone it is
 * @param user          the user name that registered it (its address-of-record's user part)
 * @param contact       the Contact URI
 * @param source        where the REGISTER came from (received address and rport)
 * @param transport     the transport it came over
 * @param registeredAt  when the binding was first made, ms since the epoch
 * @param expiresAt     when it expires unless refreshed, ms since the epoch
 * @param callId        the Call-ID of the REGISTER that made or last refreshed it
 * @param cseq          that REGISTER's CSeq number
 */
public record Binding(String repId, String user, String contact, InetSocketAddress source, SipTransport transport,
        long registeredAt, long expiresAt, String callId, long cseq) {

    /** Whole seconds left at {@code nowMs}, rounded up, never negative (for a Contact's expires parameter). */
    public int remainingSeconds(long nowMs) {
        long ms = expiresAt - nowMs;
        return ms <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (ms + 999) / 1000);
    }
}

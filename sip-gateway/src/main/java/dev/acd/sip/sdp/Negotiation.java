package dev.acd.sip.sdp;

import java.net.InetSocketAddress;

/**
 * The outcome of one offer/answer exchange for a leg's audio stream: what to send, where, and whether the peer put
 * us on hold.
 *
 * @param local the SDP we sent in this exchange (our answer, or our offer when we were the offerer)
 * @param codec the audio codec both sides use
 * @param codecPayloadType the RTP payload type for {@code codec} (the offerer's choice, RFC 3264 section 6.1)
 * @param telephoneEventPayloadType the RFC 4733 telephone-event payload type, or -1 when not negotiated
 * @param remote where to send RTP (before latching, see the media layer), or null when the peer gave none
 *               (port 0 or c=0.0.0.0)
 * @param localDirection what we do: send and/or receive
 * @param heldByPeer true when the peer does not want our media: an offer with sendonly or inactive, or the old
 *                   style c=0.0.0.0 (RFC 3264 section 8.4)
 */
public record Negotiation(SessionDescription local, Codec codec, int codecPayloadType, int telephoneEventPayloadType,
        InetSocketAddress remote, MediaDirection localDirection, boolean heldByPeer) {
}

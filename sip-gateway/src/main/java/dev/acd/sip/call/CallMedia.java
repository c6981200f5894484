package dev.acd.sip.call;

import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.sdp.Codec;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The media a call needs. The endpoints must open channels of the SIP transports' kind (epoll or NIO, see
 * {@code SipTransports.nativeEpoll()}) because each call's RTP lives on the event loop of its SIP dialogs.
 *
 * @param endpoints opens each leg's RTP endpoint
 * @param address   the address written in our SDP ({@code c=}): where peers send RTP
 * @param codecs    the codecs we accept, most wanted first (PCMU, PCMA)
 * @param sounds    music on hold and prompts
 */
public record CallMedia(RtpEndpoints endpoints, InetAddress address, List<Codec> codecs, CallSounds sounds) {
    public CallMedia {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(sounds, "sounds");
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("call media: codec preference is empty; accept at least one of "
                    + List.of(Codec.values()));
        }
    }
}

package dev.acd.sip.media;

import io.netty.buffer.ByteBuf;

/** Receives an endpoint's valid RTP packets on its event loop. */
@FunctionalInterface
public interface RtpPacketListener {
    /**
     * One packet, readable bytes = the whole RTP packet, readable with {@link RtpPacket}. The buffer is released
     * after the call returns: do not keep it.
     */
    void onRtp(RtpEndpoint endpoint, ByteBuf packet);
}

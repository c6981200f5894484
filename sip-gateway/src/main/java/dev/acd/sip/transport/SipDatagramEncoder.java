package dev.acd.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Writes each {@link OutgoingMessage} as one datagram to its remote address. */
public final class SipDatagramEncoder extends MessageToMessageEncoder<OutgoingMessage> {
    public SipDatagramEncoder() {
        super(OutgoingMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutgoingMessage msg, List<Object> out) {
        out.add(new DatagramPacket(Unpooled.wrappedBuffer(msg.message().encode()), msg.remote()));
    }
}

package dev.acd.sip.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Writes each {@link OutgoingMessage} onto a TCP connection; JAIN-SIP always writes Content-Length, which framing needs. */
public final class SipStreamEncoder extends MessageToMessageEncoder<OutgoingMessage> {
    public SipStreamEncoder() {
        super(OutgoingMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutgoingMessage msg, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(msg.message().encode()));
    }
}

package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessageParser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * One datagram, one message (RFC 3261 section 18.3): decodes to an {@link IncomingMessage}, failed ones included;
 * datagrams of only CR and LF are keep-alives and are skipped. Never throws on content.
 */
public final class SipDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {
    private final SipMessageParser parser;

    public SipDatagramDecoder(SipMessageParser parser) {
        super(DatagramPacket.class);
        this.parser = parser;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        ByteBuf content = packet.content();
        if (onlyLineBreaks(content)) {
            return;
        }
        int length = content.readableBytes();
        byte[] bytes = ReceiveBuffer.copyOf(content, content.readerIndex(), length);
        out.add(new IncomingMessage(parser.parse(bytes, length), SipTransport.UDP, packet.sender(), packet.recipient(),
                ctx.channel()));
    }

    private static boolean onlyLineBreaks(ByteBuf content) {
        return content.forEachByte(b -> b == '\r' || b == '\n') < 0;
    }
}

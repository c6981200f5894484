package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessageParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/** Assembles the pipeline of a SIP datagram channel: decoder, encoder, handler. */
public final class UdpChannelInitializer extends ChannelInitializer<Channel> {
    private final SipMessageParser parser;
    private final SipInboundHandler handler;

    public UdpChannelInitializer(SipMessageParser parser, SipInboundHandler handler) {
        this.parser = parser;
        this.handler = handler;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline().addLast("sip-decoder", new SipDatagramDecoder(parser))
                .addLast("sip-encoder", new SipDatagramEncoder())
                .addLast("sip-handler", handler);
    }
}

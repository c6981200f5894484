package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessage;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * A message as it arrived: what, over which transport, from where, to where, and the channel to answer on. The
 * addresses are null only on channels without IP addresses (in-memory test channels).
 */
public record IncomingMessage(SipMessage message, SipTransport transport, InetSocketAddress remote,
        InetSocketAddress local, Channel channel) {

    /** Sends a message back to where this one came from (same socket, same connection on TCP). */
    public void reply(SipMessage response) {
        channel.writeAndFlush(new OutgoingMessage(response, remote));
    }
}

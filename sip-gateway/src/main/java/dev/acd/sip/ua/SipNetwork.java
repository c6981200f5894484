package dev.acd.sip.ua;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;

/** What the UA core needs from the transports: our address per transport, and sending a message somewhere. */
public interface SipNetwork {
    /** Our sent-by and Contact address on {@code transport}. */
    InetSocketAddress localAddress(SipTransport transport);

    /** Sends {@code message} to {@code remote}; over TCP on the open connection with it, or a new one. Any thread. */
    void send(SipTransport transport, InetSocketAddress remote, SipMessage message);
}

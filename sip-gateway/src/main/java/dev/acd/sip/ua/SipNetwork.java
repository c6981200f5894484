package dev.acd.sip.ua;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;

/** What the UA core needs from the transports: our address per transport, and sending a message somewhere. */
public interface SipNetwork {
    /** Our sent-by and Contact address on {@code transport}. */
    InetSocketAddress localAddress(SipTransport transport);

    /** Sends {@code message} to {@code remote}; over TCP on the open connection with it, or a new one. Any thread. */
    void send(SipTransport transport, InetSocketAddress remote, SipMessage message);

    /**
     * A new Call-ID at {@code host}. The transports may pick one whose requests will be handled on the calling event
     * loop (see {@code UdpSockets}), so a dialog started there gets its peer's requests without a hop between loops,
     * in the order they were sent.
     */
    default String newCallId(String host) {
        return SipResponses.newTag() + SipResponses.newTag() + "@" + host;
    }
}

package dev.acd.sip.transaction;

import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;

/**
 * Where a request came from and who owns it: the transport and remote address it arrived on (null remote only on
 * in-memory test channels), the sender that answers towards that source (section 18.2.2), and the transaction layer
 * of the event loop that read it.
 */
public record RequestContext(SipTransport transport, InetSocketAddress remote, MessageSender replyTo,
        TransactionLayer layer) {
}

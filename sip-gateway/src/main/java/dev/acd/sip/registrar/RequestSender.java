package dev.acd.sip.registrar;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;

/**
 * How the registrar sends requests of its own (OPTIONS pings) in client transactions; the stack facade implements
 * it over the transports and transaction layers. Called from the registrar's scheduler thread; must not block.
 */
public interface RequestSender {
    /**
     * The address we send from on {@code transport}, as it goes in a Via's sent-by and a From URI (the advertised
     * address when we listen on a wildcard address).
     */
    InetSocketAddress localAddress(SipTransport transport);

    /**
     * Sends {@code request} in a new client transaction to {@code to} over {@code transport} (on TCP, the
     * connection the peer registered over when it is still open). The request's top Via carries a fresh RFC 3261
     * branch. {@code user} learns the response or the timeout.
     *
     * @throws RuntimeException when it cannot be sent at all (no route, no connection); counted as a missed ping
     */
    void send(SipMessage request, InetSocketAddress to, SipTransport transport, ClientTransactionUser user);
}

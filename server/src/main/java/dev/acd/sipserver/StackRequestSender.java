package dev.acd.sipserver;

import java.net.InetSocketAddress;

import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.registrar.RequestSender;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.SipStack;

/**
 * The registrar's pings sent through the stack: each in its own client transaction, to the address the phone
 * registered from. On TCP the transports write on the connection open with that address, which is the one the phone
 * registered over as long as it is up (so pings reach phones behind NAT); otherwise a new one is opened.
 */
final class StackRequestSender implements RequestSender {
    private final SipStack stack;

    StackRequestSender(SipStack stack) {
        this.stack = stack;
    }

    @Override
    public InetSocketAddress localAddress(SipTransport transport) {
        return stack.localAddress(transport);
    }

    @Override
    public void send(SipMessage request, InetSocketAddress to, SipTransport transport, ClientTransactionUser user) {
        stack.send(request, new NextHop(transport, to), user);
    }
}

package dev.acd.sip.registrar;

import dev.acd.sip.transaction.ManualScheduler;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.NonInviteClientTransaction;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Sends each request in a real non-INVITE client transaction on the test timeline; keeps what went out. */
final class FakeSender implements RequestSender {
    /** One request sent, its destination and its transaction (to feed responses into). */
    record Sent(SipMessage request, InetSocketAddress to, SipTransport transport, NonInviteClientTransaction tx) {
    }

    static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);

    final List<Sent> sent = new ArrayList<>();
    final List<SipMessage> wire = new ArrayList<>();
    private final ManualScheduler time;
    /** When set, sending throws as a facade does with no route or connection to the phone. */
    boolean failing;

    FakeSender(ManualScheduler time) {
        this.time = time;
    }

    @Override
    public InetSocketAddress localAddress(SipTransport transport) {
        return LOCAL;
    }

    @Override
    public void send(SipMessage request, InetSocketAddress to, SipTransport transport, ClientTransactionUser user) {
        if (failing) {
            throw new IllegalStateException("no connection to " + to);
        }
        NonInviteClientTransaction tx = new NonInviteClientTransaction(request, transport.reliable(),
                TimerSettings.DEFAULTS, time, wire::add, user);
        sent.add(new Sent(request, to, transport, tx));
        tx.start();
    }
}

package dev.acd.sip.ua;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A network that records what the core sends and where, with fixed local addresses. */
final class RecordingNetwork implements SipNetwork {
    record Sent(SipTransport transport, InetSocketAddress to, SipMessage message) {
    }

    static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);
    final List<Sent> sent = new ArrayList<>();

    @Override
    public InetSocketAddress localAddress(SipTransport transport) {
        return LOCAL;
    }

    @Override
    public void send(SipTransport transport, InetSocketAddress remote, SipMessage message) {
        sent.add(new Sent(transport, remote, message));
    }

    List<Sent> requests(String method) {
        return sent.stream().filter(s -> method.equals(s.message().method())).toList();
    }
}

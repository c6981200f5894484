package dev.acd.sip.transport;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps what it was given; for single-threaded (EmbeddedChannel) tests. */
final class Recording implements SipMessageListener {
    final List<IncomingMessage> messages = new ArrayList<>();

    @Override
    public void onMessage(IncomingMessage message) {
        messages.add(message);
    }
}

package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/**
 * Puts a transaction's messages on the wire towards its peer; bound to one destination and transport by whoever
 * creates the transaction. Must not block: it runs on the event loop.
 */
@FunctionalInterface
public interface MessageSender {
    void send(SipMessage message);
}

package dev.acd.sip.transport;

/** Receives every well-formed message; called on the event loop that read it, so it must not block. */
@FunctionalInterface
public interface SipMessageListener {
    void onMessage(IncomingMessage message);
}

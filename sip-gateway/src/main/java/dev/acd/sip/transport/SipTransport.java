package dev.acd.sip.transport;

/** The transports we speak; reliable ones skip retransmission timers (RFC 3261 section 17). */
public enum SipTransport {
    UDP(false),
    TCP(true);

    private final boolean reliable;

    SipTransport(boolean reliable) {
        this.reliable = reliable;
    }

    public boolean reliable() {
        return reliable;
    }
}

package dev.acd.core.event;

/** An event about one call, identified by our call id (never the SIP Call-ID). */
public interface CallEvent {
    long callId();
}

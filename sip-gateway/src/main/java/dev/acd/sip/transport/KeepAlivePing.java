package dev.acd.sip.transport;

/** A CRLFCRLF keep-alive ping seen between messages on a stream (RFC 5626 section 3.5.1); answered with CRLF. */
public enum KeepAlivePing {
    INSTANCE
}

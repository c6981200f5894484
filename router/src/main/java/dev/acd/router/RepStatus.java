package dev.acd.router;

/** What a rep said about taking calls. */
public enum RepStatus {
    LOGGED_OUT,
    READY,
    NOT_READY
}

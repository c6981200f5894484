package dev.acd.sip.dialog;

/** The states of a dialog (RFC 3261 section 12): made by a 1xx with a To tag, confirmed by a 2xx, then over. */
public enum DialogState {
    EARLY,
    CONFIRMED,
    TERMINATED
}

package dev.acd.sip.dialog;

/** Which side of the dialog-creating INVITE we were: we sent it (UAC) or answered it (UAS). */
public enum DialogRole {
    UAC,
    UAS
}

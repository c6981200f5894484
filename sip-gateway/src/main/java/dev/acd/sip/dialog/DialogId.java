package dev.acd.sip.dialog;

/** What identifies a dialog from our side (RFC 3261 section 12): Call-ID, our tag and the peer's tag. */
public record DialogId(String callId, String localTag, String remoteTag) {
}

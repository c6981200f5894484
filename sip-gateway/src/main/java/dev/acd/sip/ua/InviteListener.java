package dev.acd.sip.ua;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.message.SipMessage;

/** What the placer of a call hears about its INVITE, then about the dialog it made. Called on the call's event loop. */
public interface InviteListener extends DialogListener {
    /** A provisional response; {@code early} is the early dialog when it carried a To tag, else null. */
    default void onProvisional(ClientInvite invite, SipMessage response, Dialog early) {
    }

    /** A 2xx: the dialog is confirmed and the core has sent the ACK. */
    void onAnswered(ClientInvite invite, SipMessage response, Dialog dialog);

    /** A final response of 300 or more ({@code response}), or no final at all (Timer B: {@code response} null). */
    void onFailed(ClientInvite invite, SipMessage response);
}

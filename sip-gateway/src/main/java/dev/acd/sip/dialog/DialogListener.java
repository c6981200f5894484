package dev.acd.sip.dialog;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ServerTransaction;

/**
 * What the owner of a dialog (a call leg) hears. Called on the dialog's event loop. BYE and ACK are handled by the
 * UA core; everything else that arrives inside the dialog (re-INVITE, INFO, REFER, NOTIFY, OPTIONS) comes here.
 */
public interface DialogListener {
    /** A listener that answers OPTIONS with 200 and everything else with 501. */
    DialogListener NONE = new DialogListener() {
    };

    /**
     * An in-dialog request; answer it with {@link ServerTransaction#respondFromAnyThread} (the transaction may
     * belong to another event loop than the dialog). The default answers OPTIONS 200 and the rest 501.
     */
    default void onRequest(Dialog dialog, ServerTransaction transaction, SipMessage request) {
        int status = "OPTIONS".equals(request.method()) ? 200 : 501;
        transaction.respondFromAnyThread(SipResponses.create(request, status, null));
    }

    /** The ACK of our 2xx arrived (the offer/answer may complete here). */
    default void onAck(Dialog dialog, SipMessage ack) {
    }

    /** The dialog is over: BYE either way, a failed early dialog, no ACK for our 2xx, or 481/408 to a request. */
    default void onTerminated(Dialog dialog, String reason) {
    }
}

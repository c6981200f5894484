package dev.acd.sip.ua;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.InviteClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.TransactionLayer;
import gov.nist.javax.sip.message.SIPRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An INVITE we sent (RFC 3261 section 13.2): turns its responses into early and confirmed dialogs, ACKs a 2xx
 * (the transaction ACKs the others), and cancels on request once a provisional response has come (section 9.1).
 * Runs on the event loop of its transaction layer; {@link #cancel} may be called from anywhere.
 */
public final class ClientInvite implements ClientTransactionUser {
    private final UserAgentCore core;
    private final SipMessage request;
    private final NextHop hop;
    private final TransactionLayer layer;
    private final InviteListener listener;
    private final Map<String, Dialog> early = new LinkedHashMap<>();
    private boolean provisionalSeen;
    private boolean finalSeen;
    private boolean cancelRequested;
    private boolean cancelSent;
    private ClientTransaction transaction;

    ClientInvite(UserAgentCore core, SipMessage request, NextHop hop, TransactionLayer layer, InviteListener listener) {
        this.core = core;
        this.request = request;
        this.hop = hop;
        this.layer = layer;
        this.listener = listener;
    }

    void start() {
        transaction = layer.sendRequest(request, hop.transport().reliable(), core.senderTo(hop), this);
    }

    public SipMessage request() {
        return request;
    }

    /**
     * Cancels the call: at once when a provisional response has come, else as soon as one does (a CANCEL before
     * that could overtake the INVITE, section 9.1). Nothing once a final response has come. Any thread.
     */
    public void cancel() {
        layer.execute(() -> {
            if (finalSeen) {
                return;
            }
            cancelRequested = true;
            if (provisionalSeen) {
                sendCancel();
            }
        });
    }

    /** True once the CANCEL has gone out. */
    public boolean cancelSent() {
        return cancelSent;
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipMessage response) {
        int status = response.statusCode();
        if (status < 200) {
            provisionalSeen = true;
            Dialog dialog = null;
            if (response.toTag() != null && status > 100) {
                dialog = early.computeIfAbsent(response.toTag(),
                        tag -> core.createUacDialog(request, response, hop.transport(), layer, listener));
            }
            listener.onProvisional(this, response, dialog);
            if (cancelRequested && !cancelSent) {
                sendCancel();
            }
            return;
        }
        finalSeen = true;
        if (status < 300) {
            Dialog dialog = early.remove(response.toTag());
            if (dialog == null) {
                dialog = core.createUacDialog(request, response, hop.transport(), layer, listener);
            } else {
                dialog.confirm(response);
            }
            endEarly("another fork answered");
            core.ack(dialog, response);
            listener.onAnswered(this, response, dialog);
            if (cancelRequested) {
                // our CANCEL crossed their 2xx: the call is up, so it is hung up (section 9.1)
                core.bye(dialog);
            }
            return;
        }
        endEarly("INVITE failed with " + status);
        listener.onFailed(this, response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        finalSeen = true;
        endEarly("INVITE timed out");
        listener.onFailed(this, null);
    }

    private void endEarly(String reason) {
        List<Dialog> left = new ArrayList<>(early.values());
        early.clear();
        left.forEach(d -> core.end(d, reason));
    }

    private void sendCancel() {
        cancelSent = true;
        if (transaction instanceof InviteClientTransaction invite) {
            invite.cancelSent();
        }
        SipMessage cancel;
        try {
            cancel = SipMessage.of(((SIPRequest) request.raw()).createCancelRequest());
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException("cannot build the CANCEL of " + request, e);
        }
        layer.sendRequest(cancel, hop.transport().reliable(), core.senderTo(hop), new ClientTransactionUser() {
            @Override
            public void onResponse(ClientTransaction transaction, SipMessage response) {
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }
        });
    }
}

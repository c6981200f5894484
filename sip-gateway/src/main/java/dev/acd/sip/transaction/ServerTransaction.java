package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/** A server transaction (RFC 3261 section 17.2): absorbs request retransmissions and sends the TU's responses. */
public abstract class ServerTransaction extends Transaction {
    private final ServerTransactionUser user;
    private SipMessage lastResponse;
    private RequestContext context;

    ServerTransaction(SipMessage request, TransactionState initial, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender, ServerTransactionUser user) {
        super(request, TransactionKey.forServer(request), initial, reliable, timers, scheduler, sender);
        this.user = user;
    }

    ServerTransactionUser user() {
        return user;
    }

    /** Where the request came from and the layer that owns this transaction; null when created outside a layer. */
    public RequestContext context() {
        return context;
    }

    void context(RequestContext context) {
        this.context = context;
    }

    /** A retransmission of the request, or for INVITE the ACK of a non-2xx final (section 17.2.3). */
    public abstract void receiveRequest(SipMessage request);

    /**
     * Sends a response from the TU; a response after the final one is refused.
     *
     * @throws IllegalStateException when the transaction already sent its final response
     */
    public abstract void respond(SipMessage response);

    /**
     * {@link #respond} from any thread: runs on the thread of the layer that owns this transaction (at once when
     * already there). For code that runs on another event loop, such as a dialog owned by another loop.
     */
    public void respondFromAnyThread(SipMessage response) {
        if (context == null) {
            respond(response);
        } else {
            context.layer().execute(() -> respond(response));
        }
    }

    /** The last response sent, resent when the request is retransmitted; null before any. */
    public SipMessage lastResponse() {
        return lastResponse;
    }

    void sendResponse(SipMessage response) {
        user.onSending(this, response);
        lastResponse = response;
        send(response);
    }

    void resendLastResponse() {
        if (lastResponse != null) {
            send(lastResponse);
        }
    }

    void refuseAfterFinal(SipMessage response) {
        throw new IllegalStateException("transaction " + key() + " is " + state() + "; cannot send "
                + response.statusCode());
    }
}

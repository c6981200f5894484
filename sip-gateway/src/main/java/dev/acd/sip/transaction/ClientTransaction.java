package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/** A client transaction (RFC 3261 section 17.1): sends its request when started and takes the responses. */
public abstract class ClientTransaction extends Transaction {
    private final ClientTransactionUser user;

    ClientTransaction(SipMessage request, TransactionState initial, boolean reliable, TimerSettings timers,
            TransactionScheduler scheduler, MessageSender sender, ClientTransactionUser user) {
        super(request, TransactionKey.forClient(request), initial, reliable, timers, scheduler, sender);
        this.user = user;
    }

    ClientTransactionUser user() {
        return user;
    }

    /** Sends the request and starts the timers. */
    public abstract void start();

    /** A response matched to this transaction (section 17.1.3). */
    public abstract void receiveResponse(SipMessage response);
}

package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/** The transaction user of server transactions: sees each response on its way out, and what went unanswered. */
public interface ServerTransactionUser {
    /** A user that wants nothing from its transactions. */
    ServerTransactionUser NONE = new ServerTransactionUser() {
    };

    /**
     * A response is about to be sent on {@code transaction} (the 100 Trying included); the user may still add
     * headers to it. This is how a UA core sees a 2xx to an INVITE whoever sent it (RFC 3261 section 13.3.1.4).
     */
    default void onSending(ServerTransaction transaction, SipMessage response) {
    }

    /** Timer H fired: the ACK for our non-2xx final never came. */
    default void onTimeout(ServerTransaction transaction) {
    }
}

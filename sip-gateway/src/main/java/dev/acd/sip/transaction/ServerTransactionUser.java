package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/** The transaction user of server transactions: new requests to answer, and what went unanswered. */
public interface ServerTransactionUser {
    /** A request that created a server transaction; answer it through {@link ServerTransaction#respond}. */
    void onRequest(ServerTransaction transaction, SipMessage request);

    /** Timer H fired: the ACK for our non-2xx final never came. */
    default void onTimeout(ServerTransaction transaction) {
    }
}

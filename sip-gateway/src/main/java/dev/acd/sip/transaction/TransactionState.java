package dev.acd.sip.transaction;

/** The states of RFC 3261 section 17 (figures 5 to 8); which ones a transaction uses depends on its kind. */
public enum TransactionState {
    /** INVITE client: the INVITE is out, nothing heard yet. */
    CALLING,
    /** Non-INVITE client and server: the request is out (client) or in (server), no provisional yet. */
    TRYING,
    /** A provisional response has been received (client) or sent (server). */
    PROCEEDING,
    /** A final response has been received or sent; retransmissions are absorbed. */
    COMPLETED,
    /**
     * INVITE server: a 2xx has been sent (RFC 6026 section 7.1); INVITE retransmissions are absorbed until timer L,
     * so a late copy of the INVITE is not taken for a new one.
     */
    ACCEPTED,
    /** INVITE server: the ACK for a non-2xx final has arrived. */
    CONFIRMED,
    /** Done; the transaction is forgotten. */
    TERMINATED
}

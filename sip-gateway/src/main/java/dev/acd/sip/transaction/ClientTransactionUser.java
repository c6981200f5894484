package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/** The transaction user of a client transaction: gets the responses worth passing up and the timeout. */
public interface ClientTransactionUser {
    /** A provisional or final response, once each (retransmitted finals are absorbed). */
    void onResponse(ClientTransaction transaction, SipMessage response);

    /** Timer B or F fired: no final response came (RFC 3261 section 8.1.3.1 treats it as a 408). */
    void onTimeout(ClientTransaction transaction);
}

package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;

/**
 * What identifies a transaction (RFC 3261 sections 17.1.3 and 17.2.3): the top Via branch, the sent-by (server side
 * only; a client's branch is our own and unique) and the method, where an ACK belongs to its INVITE.
 * A request without the RFC 3261 magic cookie (an RFC 2543 peer) gets a key made of Call-ID, CSeq number and From tag
 * in place of the branch: close to section 17.2.3's fallback, without the Request-URI and To tag comparisons.
 */
public record TransactionKey(String branch, String sentBy, String method) {

    /** The key of the server transaction a request belongs to (or creates). */
    public static TransactionKey forServer(SipMessage request) {
        String method = "ACK".equals(request.method()) ? "INVITE" : request.method();
        return new TransactionKey(serverBranch(request), request.sentBy(), method);
    }

    /** The key of the INVITE server transaction a CANCEL cancels (section 9.2): same branch, method INVITE. */
    public static TransactionKey forCancelled(SipMessage cancel) {
        return new TransactionKey(serverBranch(cancel), cancel.sentBy(), "INVITE");
    }

    private static String serverBranch(SipMessage request) {
        return request.hasRfc3261Branch() ? request.branch()
                : "rfc2543:" + request.callId() + ":" + request.cseqNumber() + ":" + request.fromTag();
    }

    /** The key of the client transaction a request creates. */
    public static TransactionKey forClient(SipMessage request) {
        return new TransactionKey(request.branch(), null, request.method());
    }

    /** The key of the client transaction a response belongs to: branch plus CSeq method. */
    public static TransactionKey forResponse(SipMessage response) {
        return new TransactionKey(response.branch(), null, response.cseqMethod());
    }
}

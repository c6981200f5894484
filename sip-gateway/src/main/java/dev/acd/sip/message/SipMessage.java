package dev.acd.sip.message;

import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.Objects;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.MaxForwardsHeader;

/**
 * One SIP request or response: JAIN-SIP's model plus the header values we route on, read once when the message is
 * wrapped. A message that could not be used is marked failed (like Netty's {@code decoderResult()}): check
 * {@link #isFailed()} before reading anything else. Not thread-safe; a message belongs to one event loop.
 */
public final class SipMessage {
    /** The magic cookie that marks an RFC 3261 branch (section 8.1.1.7). */
    public static final String BRANCH_MAGIC_COOKIE = "z9hG4bK";

    private final SIPMessage raw;
    private final FailureKind failure;
    private final String failureReason;
    private final boolean request;
    private final String method;
    private final int statusCode;
    private final String callId;
    private final long cseqNumber;
    private final String cseqMethod;
    private final String branch;
    private final String sentBy;
    private final boolean rportRequested;
    private final String fromTag;
    private final String toTag;
    private final int maxForwards;
    private final int contentLength;

    private SipMessage(SIPMessage raw, FailureKind failure, String failureReason) {
        this.raw = raw;
        this.failure = failure;
        this.failureReason = failureReason;
        this.request = raw instanceof SIPRequest;
        this.method = request && ((SIPRequest) raw).getRequestLine() != null ? ((SIPRequest) raw).getMethod() : null;
        this.statusCode = raw instanceof SIPResponse ? ((SIPResponse) raw).getStatusCode() : 0;
        CallIdHeader callIdHeader = raw == null ? null : raw.getCallId();
        this.callId = callIdHeader == null ? null : callIdHeader.getCallId();
        CSeqHeader cseq = raw == null ? null : raw.getCSeq();
        this.cseqNumber = cseq == null ? -1 : cseq.getSeqNumber();
        this.cseqMethod = cseq == null ? null : cseq.getMethod();
        Via via = raw == null ? null : raw.getTopmostVia();
        this.branch = via == null ? null : via.getBranch();
        this.sentBy = via == null || via.getSentBy() == null ? null : via.getSentBy().encode().toLowerCase(java.util.Locale.ROOT);
        this.rportRequested = via != null && via.hasParameter("rport");
        this.fromTag = raw == null || raw.getFrom() == null ? null : raw.getFromTag();
        this.toTag = raw == null || raw.getTo() == null ? null : raw.getToTag();
        MaxForwardsHeader mf = raw == null ? null : raw.getMaxForwards();
        this.maxForwards = mf == null ? -1 : mf.getMaxForwards();
        ContentLengthHeader cl = raw == null ? null : raw.getContentLength();
        this.contentLength = cl == null ? -1 : cl.getContentLength();
    }

    /** Wraps a well-formed JAIN-SIP message, for instance one built with its factories. */
    public static SipMessage of(SIPMessage raw) {
        return new SipMessage(Objects.requireNonNull(raw, "raw"), null, null);
    }

    /**
     * A message that failed; {@code partial} is whatever could be parsed (null when not even the start line could),
     * kept so that a request can still be answered.
     */
    public static SipMessage failed(SIPMessage partial, FailureKind kind, String reason) {
        return new SipMessage(partial, Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(reason, "reason"));
    }

    public boolean isFailed() {
        return failure != null;
    }

    /** Why the message failed; null when it did not. */
    public FailureKind failure() {
        return failure;
    }

    /** What was wrong and where, for a reason phrase or a log line; null when the message did not fail. */
    public String failureReason() {
        return failureReason;
    }

    /**
     * True when a failed request still has what a response needs (section 8.2.6.2: Via, From, To, Call-ID, CSeq),
     * so it can get 400 or 513 rather than being dropped.
     */
    public boolean canBeAnswered() {
        return request && method != null && raw.getTopmostVia() != null && raw.getFrom() != null && raw.getTo() != null
                && callId != null && cseqMethod != null;
    }

    /** JAIN-SIP's model of this message; null only for a failed message whose start line did not parse. */
    public SIPMessage raw() {
        return raw;
    }

    public boolean isRequest() {
        return request;
    }

    public boolean isResponse() {
        return raw instanceof SIPResponse;
    }

    /** The request method (INVITE, ACK, ...); null for a response. */
    public String method() {
        return method;
    }

    /** The status code of a response; 0 for a request. */
    public int statusCode() {
        return statusCode;
    }

    public String callId() {
        return callId;
    }

    public long cseqNumber() {
        return cseqNumber;
    }

    public String cseqMethod() {
        return cseqMethod;
    }

    /** The top Via's branch parameter, or null. */
    public String branch() {
        return branch;
    }

    /** The top Via's sent-by (host[:port]) in lower case, as the sender wrote it; or null. */
    public String sentBy() {
        return sentBy;
    }

    /** True when the top Via carries an rport parameter (RFC 3581), filled or not. */
    public boolean rportRequested() {
        return rportRequested;
    }

    public String fromTag() {
        return fromTag;
    }

    /** The To tag, or null before a dialog exists. */
    public String toTag() {
        return toTag;
    }

    /** Max-Forwards, or -1 when absent. */
    public int maxForwards() {
        return maxForwards;
    }

    /** Content-Length as declared, or -1 when absent. */
    public int contentLength() {
        return contentLength;
    }

    /** True when the top Via branch starts with the RFC 3261 magic cookie, so transaction matching may use it. */
    public boolean hasRfc3261Branch() {
        return branch != null && branch.startsWith(BRANCH_MAGIC_COOKIE);
    }

    /**
     * Records where a request really came from in its top Via: {@code received} when the source address differs
     * from sent-by (RFC 3261 section 18.2.1) or when rport was asked for, and the source port in {@code rport}
     * (RFC 3581 section 4). The values read at wrap time (sent-by for transaction matching) do not change.
     */
    public void recordSource(String sourceAddress, int sourcePort) {
        Via via = raw == null ? null : raw.getTopmostVia();
        if (!request || via == null) {
            return;
        }
        try {
            if (rportRequested) {
                via.setParameter("rport", Integer.toString(sourcePort));
            }
            if (rportRequested || !sourceAddress.equalsIgnoreCase(via.getHost())) {
                via.setReceived(sourceAddress);
            }
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not an address for a Via received parameter: " + sourceAddress, e);
        }
    }

    /**
     * The message as bytes for the wire, its top Via exactly as it is. (JAIN-SIP's {@code encodeAsBytes(transport)}
     * rewrites the top Via's transport to its argument, which would corrupt a response's Via; we pass the Via's own.)
     */
    public byte[] encode() {
        if (raw == null) {
            throw new IllegalStateException("a message that did not parse cannot be encoded: " + failureReason);
        }
        Via via = raw.getTopmostVia();
        if (via == null) {
            throw new IllegalStateException("a message without a Via cannot be encoded: " + this);
        }
        return raw.encodeAsBytes(via.getTransport());
    }

    @Override
    public String toString() {
        if (raw == null) {
            return "SipMessage[failed " + failure + ": " + failureReason + "]";
        }
        String firstLine = raw.getFirstLine() == null ? "?" : raw.getFirstLine().trim();
        return "SipMessage[" + firstLine + ", Call-ID " + callId + ", CSeq " + cseqNumber + " " + cseqMethod
                + (failure == null ? "" : ", failed " + failure + ": " + failureReason) + "]";
    }
}

package dev.acd.sip.message;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;
import java.util.concurrent.ThreadLocalRandom;

/** Builds responses to requests (RFC 3261 section 8.2.6), including the 400/513 that answer a failed request. */
public final class SipResponses {
    private SipResponses() {
    }

    /**
     * The response to a request; {@code reasonPhrase} null takes the standard phrase. A To tag is added when the
     * request has none and the status is above 100 (section 8.2.6.2).
     */
    public static SipMessage create(SipMessage request, int statusCode, String reasonPhrase) {
        if (!request.isRequest()) {
            throw new IllegalArgumentException("only a request can be answered: " + request);
        }
        SIPRequest raw = (SIPRequest) request.raw();
        SIPResponse response = reasonPhrase == null ? raw.createResponse(statusCode)
                : raw.createResponse(statusCode, Framing.printable(reasonPhrase, SipLimits.MAX_REASON_PHRASE_CHARS));
        if (statusCode > 100 && response.getTo() != null && response.getTo().getTag() == null) {
            try {
                response.getTo().setTag(newTag());
            } catch (ParseException e) {
                throw new IllegalStateException("a generated tag did not parse", e);
            }
        }
        return SipMessage.of(response);
    }

    /**
     * The 400 or 513 answering a failed request, its reason phrase naming what was wrong; the caller checks
     * {@link SipMessage#canBeAnswered()} first.
     */
    public static SipMessage answerFailure(SipMessage failed) {
        if (!failed.isFailed() || !failed.canBeAnswered()) {
            throw new IllegalArgumentException("not a failed request that can be answered: " + failed);
        }
        FailureKind kind = failed.failure();
        return create(failed, kind.statusCode(), kind.reasonPhrase() + ": " + failed.failureReason());
    }

    /** A random tag with enough entropy to be globally unique in practice (section 19.3). */
    public static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }
}

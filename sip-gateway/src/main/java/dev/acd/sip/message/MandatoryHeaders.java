package dev.acd.sip.message;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;

/** The headers every request and response must carry (RFC 3261 section 8.1.1) and their consistency. */
final class MandatoryHeaders {
    private MandatoryHeaders() {
    }

    /** What is missing or inconsistent, or null when the message has everything. */
    static String check(SIPMessage m) {
        if (m.getTopmostVia() == null) {
            return "missing Via header";
        }
        if (m.getFrom() == null) {
            return "missing From header";
        }
        if (m.getTo() == null) {
            return "missing To header";
        }
        if (m.getCallId() == null) {
            return "missing Call-ID header";
        }
        if (m.getCSeq() == null) {
            return "missing CSeq header";
        }
        if (m instanceof SIPRequest) {
            SIPRequest request = (SIPRequest) m;
            if (request.getMaxForwards() == null) {
                return "missing Max-Forwards header";
            }
            if (!request.getMethod().equals(request.getCSeq().getMethod())) {
                return "CSeq method " + request.getCSeq().getMethod() + " does not match request method "
                        + request.getMethod();
            }
        }
        return null;
    }
}

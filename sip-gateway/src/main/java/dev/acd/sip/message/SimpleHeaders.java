package dev.acd.sip.message;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.Expires;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.SIPHeader;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;

/**
 * Reads the headers whose value is one number, a number and a method, or an opaque word (Call-ID, CSeq,
 * Max-Forwards, Content-Length, Expires; and plain Authorization credentials through {@link PlainCredentials})
 * straight into JAIN-SIP's header objects, without the RI's per-header lexer,
 * its copies of the line and its reflective parser lookup. Only plainly well-formed values take this path; anything
 * else returns null and goes to the RI's own parser, so what is accepted, what is rejected and how a bad header is
 * reported stay exactly the RI's. Stateless.
 */
final class SimpleHeaders {
    /** Methods a CSeq may name that resolve to the RI's canonical constants; any other goes to the RI. */
    private static final String[] METHODS = {
        Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.REGISTER, Request.OPTIONS, Request.INFO,
        Request.PRACK, Request.UPDATE, Request.SUBSCRIBE, Request.NOTIFY, Request.MESSAGE, Request.REFER,
        Request.PUBLISH,
    };
    /** Longer numbers could overflow an int; the RI decides about them. */
    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_CSEQ_DIGITS = 10;
    private static final int NOT_A_NUMBER = -1;

    private SimpleHeaders() {
    }

    /**
     * The parsed header for one unfolded header line whose text ends at {@code end} (a line feed may follow), or
     * null when the RI must parse it.
     */
    static SIPHeader parse(String line, int end) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        int nameEnd = colon;
        while (nameEnd > 0 && isSpaceOrTab(line.charAt(nameEnd - 1))) {
            nameEnd--;
        }
        int valueStart = colon + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && isSpaceOrTab(line.charAt(valueStart))) {
            valueStart++;
        }
        while (valueEnd > valueStart && isSpaceOrTab(line.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        try {
            switch (nameEnd) {
                case 1:
                    char c = line.charAt(0);
                    if (c == 'i' || c == 'I') {
                        return callId(line);
                    }
                    return c == 'l' || c == 'L' ? contentLength(line, valueStart, valueEnd) : null;
                case 4:
                    return isName(line, "CSeq") ? cseq(line, valueStart, valueEnd) : null;
                case 7:
                    if (isName(line, "Call-ID")) {
                        return callId(line);
                    }
                    return isName(line, "Expires") ? expires(line, valueStart, valueEnd) : null;
                case 12:
                    return isName(line, "Max-Forwards") ? maxForwards(line, valueStart, valueEnd) : null;
                case 13:
                    return isName(line, "Authorization") ? PlainCredentials.parse(line, valueStart, valueEnd) : null;
                case 14:
                    return isName(line, "Content-Length") ? contentLength(line, valueStart, valueEnd) : null;
                default:
                    return null;
            }
        } catch (ParseException | InvalidArgumentException e) {
            return null;
        }
    }

    private static SIPHeader callId(String line) throws ParseException {
        // The RI takes the whole rest of the line, trimmed (line feed included), whatever it holds; so do we.
        String value = line.substring(line.indexOf(':') + 1).trim();
        CallID header = new CallID();
        header.setCallId(value);
        return header;
    }

    private static SIPHeader cseq(String line, int from, int to) throws InvalidArgumentException, ParseException {
        int digitsEnd = from;
        while (digitsEnd < to && isDigit(line.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd == from || digitsEnd - from > MAX_CSEQ_DIGITS) {
            return null;
        }
        int methodStart = digitsEnd;
        while (methodStart < to && isSpaceOrTab(line.charAt(methodStart))) {
            methodStart++;
        }
        if (methodStart == digitsEnd) {
            return null;
        }
        String method = knownMethod(line, methodStart, to);
        if (method == null) {
            return null;
        }
        CSeq header = new CSeq();
        header.setSeqNumber(digits(line, from, digitsEnd));
        header.setMethod(method);
        return header;
    }

    private static SIPHeader maxForwards(String line, int from, int to) throws InvalidArgumentException {
        long value = number(line, from, to, MAX_INT_DIGITS);
        if (value == NOT_A_NUMBER) {
            return null;
        }
        MaxForwards header = new MaxForwards();
        header.setMaxForwards((int) value);
        return header;
    }

    private static SIPHeader contentLength(String line, int from, int to) throws InvalidArgumentException {
        long value = number(line, from, to, MAX_INT_DIGITS);
        if (value == NOT_A_NUMBER) {
            return null;
        }
        ContentLength header = new ContentLength();
        header.setContentLength((int) value);
        return header;
    }

    private static SIPHeader expires(String line, int from, int to) throws InvalidArgumentException {
        long value = number(line, from, to, MAX_INT_DIGITS);
        if (value == NOT_A_NUMBER) {
            return null;
        }
        Expires header = new Expires();
        header.setExpires((int) value);
        return header;
    }

    private static String knownMethod(String line, int from, int to) {
        int length = to - from;
        for (String method : METHODS) {
            if (method.length() == length && line.startsWith(method, from)) {
                return method;
            }
        }
        return null;
    }

    private static boolean isName(String line, String name) {
        return line.regionMatches(true, 0, name, 0, name.length());
    }

    /** The value of [from, to) when it is only digits, at most {@code maxDigits} of them; else NOT_A_NUMBER. */
    private static long number(String line, int from, int to, int maxDigits) {
        if (to == from || to - from > maxDigits) {
            return NOT_A_NUMBER;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(line.charAt(i))) {
                return NOT_A_NUMBER;
            }
        }
        return digits(line, from, to);
    }

    private static long digits(String line, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (line.charAt(i) - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }
}

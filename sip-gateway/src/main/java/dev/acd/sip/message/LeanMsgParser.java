package dev.acd.sip.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;

/**
 * JAIN-SIP RI's message parser with the simple headers read by {@link SimpleHeaders} instead of a lexer each: the
 * RI builds a lexer, a copy of the line and several token strings for every header, which made most of the garbage
 * of a parse. Every other header, and every simple one that is not plainly well-formed, still goes to the RI, so bad
 * input is reported exactly as before. Holds no state; one instance may be shared between threads.
 */
final class LeanMsgParser extends StringMsgParser {
    @Override
    protected void processHeader(String header, SIPMessage message, ParseExceptionListener listener, byte[] raw)
            throws ParseException {
        SIPHeader simple = header == null || message == null ? null : SimpleHeaders.parse(header);
        if (simple == null) {
            super.processHeader(header, message, listener, raw);
            return;
        }
        try {
            message.attachHeader(simple, false);
        } catch (ParseException e) {
            // a duplicate the RI objects to: let it parse the line again and report it its own way
            super.processHeader(header, message, listener, raw);
        }
    }
}

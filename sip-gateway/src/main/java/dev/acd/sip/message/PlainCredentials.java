package dev.acd.sip.message;

import gov.nist.core.NameValue;
import gov.nist.javax.sip.header.Authorization;
import gov.nist.javax.sip.header.SIPHeader;

/**
 * Reads the Authorization header a softphone sends with every registration (RFC 3261 section 22.4: a scheme, then
 * comma-separated {@code name=token} or {@code name="text"}) into JAIN-SIP's header object, without the RI's lexer,
 * which made it the costliest header of a REGISTER (about 4 KB of garbage). Only the plain form is read here: a
 * letters-only scheme, token names, tokens or quoted strings without escapes or line breaks as values; anything else
 * returns null and the RI parses the line, so what is accepted and how errors are reported stay the RI's. Stateless.
 */
final class PlainCredentials {
    private PlainCredentials() {
    }

    /** The header for the value in [from, to) of an Authorization line, or null when the RI must parse it. */
    static SIPHeader parse(String line, int from, int to) {
        int schemeEnd = from;
        while (schemeEnd < to && isLetter(line.charAt(schemeEnd))) {
            schemeEnd++;
        }
        int i = skipSpaces(line, schemeEnd, to);
        if (schemeEnd == from || i == schemeEnd || i == to) {
            return null;
        }
        Authorization header = new Authorization();
        header.setScheme(line.substring(from, schemeEnd));
        while (true) {
            int nameEnd = i;
            while (nameEnd < to && isTokenChar(line.charAt(nameEnd))) {
                nameEnd++;
            }
            int equals = skipSpaces(line, nameEnd, to);
            if (nameEnd == i || equals == to || line.charAt(equals) != '=') {
                return null;
            }
            int valueStart = skipSpaces(line, equals + 1, to);
            if (valueStart == to) {
                return null;
            }
            NameValue parameter;
            int valueEnd;
            if (line.charAt(valueStart) == '"') {
                int close = valueStart + 1;
                while (close < to && line.charAt(close) != '"') {
                    char c = line.charAt(close);
                    if (c == '\\' || c < ' ' || c == 0x7f) {
                        return null;
                    }
                    close++;
                }
                if (close == to) {
                    return null;
                }
                parameter = new NameValue(line.substring(i, nameEnd), line.substring(valueStart + 1, close), false);
                parameter.setQuotedValue();
                valueEnd = close + 1;
            } else {
                valueEnd = valueStart;
                while (valueEnd < to && isTokenChar(line.charAt(valueEnd))) {
                    valueEnd++;
                }
                if (valueEnd == valueStart) {
                    return null;
                }
                parameter = new NameValue(line.substring(i, nameEnd), line.substring(valueStart, valueEnd), false);
            }
            header.setParameter(parameter);
            i = skipSpaces(line, valueEnd, to);
            if (i == to) {
                return header;
            }
            if (line.charAt(i) != ',') {
                return null;
            }
            i = skipSpaces(line, i + 1, to);
            if (i == to) {
                return null;
            }
        }
    }

    private static int skipSpaces(String line, int from, int to) {
        int i = from;
        while (i < to && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** RFC 3261 section 25.1 token characters. */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '!' || c == '%' || c == '*' || c == '_' || c == '+' || c == '`'
                || c == '\'' || c == '~';
    }
}

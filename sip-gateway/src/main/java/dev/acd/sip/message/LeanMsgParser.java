package dev.acd.sip.message;

import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.HeaderParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.RequestLineParser;
import gov.nist.javax.sip.parser.StatusLineParser;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * JAIN-SIP RI's message parser (same rules, same model, same error reports) without most of its copying. For every
 * header the RI decodes the line to a String, trims it, appends a line feed through a StringBuilder, then cuts the
 * name and the whole value out again to find the parser by reflection. Here each header line becomes one String
 * (line feed included) decoded once from the bytes; the simple headers are read by {@link SimpleHeaders}, the others
 * go straight to the RI parser {@link HeaderParsers} finds. A header that fails, or that we have no shortcut for, is
 * handed to the RI's own {@code processHeader}, so bad input is reported exactly as before.
 *
 * <p>Holds no per-message state; the line buffer is per thread, so one instance may be shared between event loops.
 */
final class LeanMsgParser extends StringMsgParser {
    private static final int INITIAL_LINE_BYTES = 256;
    private static final ThreadLocal<byte[][]> LINE_BUFFER = ThreadLocal.withInitial(
            () -> new byte[][] {new byte[INITIAL_LINE_BYTES]});

    /** Same contract as the RI's: see {@link StringMsgParser#parseSIPMessage(byte[], boolean, boolean, ParseExceptionListener)}. */
    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        return bytes == null ? null : parse(bytes, bytes.length, readBody, strict, listener);
    }

    /**
     * As {@link #parseSIPMessage(byte[], boolean, boolean, ParseExceptionListener)} for the message in the first
     * {@code length} bytes; the array is not kept, so a caller may reuse it for the next message.
     */
    SIPMessage parse(byte[] bytes, int length, boolean readBody, boolean strict, ParseExceptionListener listener)
            throws ParseException {
        if (length == 0) {
            return null;
        }
        int i = 0;
        // the RI skips leading control bytes (and, being signed, bytes of 0x80 and above)
        while (i < length && bytes[i] < 0x20) {
            i++;
        }
        if (i == length) {
            return null;
        }
        SIPMessage message = null;
        boolean firstLine = true;
        // the header being gathered: a byte range, or a String once a continuation line has been folded into it
        int headerStart = -1;
        int headerEnd = -1;
        String folded = null;
        int lineLength;
        do {
            int lineStart = i;
            while (i < length && bytes[i] != '\r' && bytes[i] != '\n') {
                i++;
            }
            if (i == length) {
                break; // as the RI: a last line without a line break, and the header before it, are not read
            }
            int lineEnd = i;
            while (lineEnd > lineStart && (bytes[lineEnd - 1] & 0xff) <= ' ') {
                lineEnd--;
            }
            lineLength = lineEnd - lineStart;
            if (lineLength == 0) {
                if (message != null) {
                    processHeader(bytes, length, headerStart, headerEnd, folded, message, listener);
                }
            } else if (firstLine) {
                message = startLine(new String(bytes, lineStart, lineLength, StandardCharsets.UTF_8), bytes, length,
                        listener);
            } else if (bytes[lineStart] == ' ' || bytes[lineStart] == '\t') {
                if (headerStart < 0 && folded == null) {
                    throw new ParseException("Bad header continuation.", 0);
                }
                String header = folded != null ? folded
                        : new String(bytes, headerStart, headerEnd - headerStart, StandardCharsets.UTF_8);
                folded = header + new String(bytes, lineStart + 1, lineLength - 1, StandardCharsets.UTF_8);
            } else {
                if (message != null) {
                    processHeader(bytes, length, headerStart, headerEnd, folded, message, listener);
                }
                headerStart = lineStart;
                headerEnd = lineEnd;
                folded = null;
            }
            if (bytes[i] == '\r' && i + 1 < length && bytes[i + 1] == '\n') {
                i++;
            }
            i++;
            firstLine = false;
        } while (lineLength > 0);
        if (message == null) {
            throw new ParseException("Bad message", 0);
        }
        message.setSize(i);
        if (readBody && message.getContentLength() != null) {
            int declared = message.getContentLength().getContentLength();
            if (declared != 0) {
                byte[] body = new byte[length - i];
                System.arraycopy(bytes, i, body, 0, body.length);
                message.setMessageContent(body, !strict, computeContentLengthFromMessage, declared);
            } else if (!computeContentLengthFromMessage && strict
                    && !new String(bytes, length - 4, 4, StandardCharsets.ISO_8859_1).equals("\r\n\r\n")) {
                throw new ParseException("Extraneous characters at the end of the message", i);
            }
        }
        return message;
    }

    /**
     * The request or response with its start line, as the RI's {@code processFirstLine}, which would also decode
     * the whole array for the error report: with a reused array that could be far more than the message.
     */
    private static SIPMessage startLine(String line, byte[] bytes, int length, ParseExceptionListener listener)
            throws ParseException {
        boolean response = line.startsWith(SIPConstants.SIP_VERSION_STRING);
        SIPMessage message = response ? new SIPResponse() : new SIPRequest();
        try {
            if (response) {
                ((SIPResponse) message).setStatusLine(new StatusLineParser(line + "\n").parse());
            } else {
                ((SIPRequest) message).setRequestLine(new RequestLineParser(line + "\n").parse());
            }
        } catch (ParseException e) {
            if (listener == null) {
                throw e;
            }
            listener.handleException(e, message, response ? StatusLine.class : RequestLine.class, line,
                    new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        return message;
    }

    private void processHeader(byte[] bytes, int length, int start, int end, String folded, SIPMessage message,
            ParseExceptionListener listener) throws ParseException {
        if (folded == null && start < 0) {
            return;
        }
        String line = folded != null ? folded + "\n" : lineWithFeed(bytes, start, end);
        SIPHeader header = SimpleHeaders.parse(line, line.length() - 1);
        if (header == null) {
            header = parseWithRiParser(line);
        }
        if (header != null) {
            try {
                message.attachHeader(header, false);
                return;
            } catch (ParseException e) {
                // a duplicate the RI objects to: it reports it below, its own way
            }
        }
        String original = folded != null ? folded : new String(bytes, start, end - start, StandardCharsets.UTF_8);
        // the RI decodes the array it is given for its error report: give it only this message
        super.processHeader(original, message, listener,
                length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length));
    }

    /** The header from the RI parser for its name, or null when there is none or it failed (the RI then reports it). */
    private static SIPHeader parseWithRiParser(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        int nameStart = 0;
        int nameEnd = colon;
        // trimmed as the RI trims the name it looks up
        while (nameStart < nameEnd && line.charAt(nameStart) <= ' ') {
            nameStart++;
        }
        while (nameEnd > nameStart && line.charAt(nameEnd - 1) <= ' ') {
            nameEnd--;
        }
        HeaderParser parser = HeaderParsers.create(line, nameStart, nameEnd);
        if (parser == null) {
            return null;
        }
        try {
            return parser.parse();
        } catch (ParseException e) {
            return null;
        }
    }

    /** One String of the line's bytes and a line feed, decoded once (the RI makes four copies). */
    private static String lineWithFeed(byte[] bytes, int start, int end) {
        int length = end - start;
        byte[][] holder = LINE_BUFFER.get();
        byte[] buffer = holder[0];
        if (buffer.length < length + 1) {
            buffer = new byte[Math.max(length + 1, buffer.length * 2)];
            holder[0] = buffer;
        }
        System.arraycopy(bytes, start, buffer, 0, length);
        buffer[length] = '\n';
        // The RI's parsers look the name up again in an upper-case keyword table, upper-casing their copy of it first;
        // a name that is upper case already is not copied again. Header objects take their names from their class.
        for (int i = 0; i < length && buffer[i] != ':'; i++) {
            if (buffer[i] >= 'a' && buffer[i] <= 'z') {
                buffer[i] -= 'a' - 'A';
            }
        }
        return new String(buffer, 0, length + 1, StandardCharsets.UTF_8);
    }
}

package dev.acd.sip.message;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of one whole message into a {@link SipMessage}; never throws on bad input: the result is marked
 * failed with a reason naming what was wrong. Framing (where a message ends in a stream) is the transport's job.
 * Stateless and safe to share between event loops.
 */
public final class SipMessageParser {
    private static final LeanMsgParser PARSER = new LeanMsgParser();

    private final int maxMessageBytes;
    private final int maxHeaderBytes;

    /** A parser with the default {@link SipLimits}. */
    public SipMessageParser() {
        this(SipLimits.MAX_MESSAGE_BYTES, SipLimits.MAX_HEADER_BYTES);
    }

    public SipMessageParser(int maxMessageBytes, int maxHeaderBytes) {
        if (maxMessageBytes <= 0 || maxHeaderBytes <= 0 || maxHeaderBytes > maxMessageBytes) {
            throw new IllegalArgumentException("need 0 < maxHeaderBytes (" + maxHeaderBytes
                    + ") <= maxMessageBytes (" + maxMessageBytes + ")");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    /** Parses one whole message (a datagram, or one frame cut from a stream). */
    public SipMessage parse(byte[] bytes) {
        return parse(bytes, bytes.length);
    }

    /**
     * Parses the message in the first {@code length} bytes of {@code bytes}. Nothing keeps the array (a body is
     * copied out), so a transport may read every message into the same buffer.
     */
    public SipMessage parse(byte[] bytes, int length) {
        if (length < 0 || length > bytes.length) {
            throw new IndexOutOfBoundsException("length " + length + " of an array of " + bytes.length);
        }
        if (length > maxMessageBytes) {
            return failedHeadersOnly(bytes, length, FailureKind.TOO_LARGE,
                    "message of " + length + " bytes exceeds " + maxMessageBytes + " bytes");
        }
        int headerBytes = Framing.headerSectionLength(bytes, 0, length);
        if (headerBytes < 0 ? length > maxHeaderBytes : headerBytes > maxHeaderBytes) {
            return failedHeadersOnly(bytes, length, FailureKind.TOO_LARGE,
                    "header section exceeds " + maxHeaderBytes + " bytes");
        }
        if (!Framing.startsWithToken(bytes, length)) {
            return SipMessage.failed(null, FailureKind.MALFORMED, "start line is not text");
        }
        if (headerBytes < 0) {
            return failedHeadersOnly(bytes, length, FailureKind.MALFORMED,
                    "truncated: no blank line after the headers");
        }
        RecordingListener listener = new RecordingListener();
        SIPMessage raw;
        try {
            raw = PARSER.parse(bytes, length, true, false, listener);
        } catch (ParseException | RuntimeException e) {
            // The RI throws on a bad start line and on a Content-Length longer than the body; the second can still
            // be answered, so read the headers alone to keep what a response needs.
            return failedHeadersOnly(bytes, length, FailureKind.MALFORMED, describe(e));
        }
        if (!hasStartLine(raw)) {
            return SipMessage.failed(null, FailureKind.MALFORMED, "bad start line");
        }
        if (!listener.problems.isEmpty()) {
            return SipMessage.failed(raw, FailureKind.MALFORMED, listener.problems.get(0));
        }
        String missing = MandatoryHeaders.check(raw);
        if (missing != null) {
            return SipMessage.failed(raw, FailureKind.MALFORMED, missing);
        }
        return SipMessage.of(raw);
    }

    /**
     * A failed message from the head of one whose headers were cut (an oversized header section on a stream): the
     * complete header lines in {@code head} are read so the request can still be answered when they suffice.
     */
    public SipMessage failedFromHead(byte[] head, FailureKind kind, String reason) {
        int lastLineEnd = -1;
        for (int i = head.length - 2; i >= 0; i--) {
            if (head[i] == '\r' && head[i + 1] == '\n') {
                lastLineEnd = i + 2;
                break;
            }
        }
        if (lastLineEnd < 0 || !Framing.startsWithToken(head, head.length)) {
            return SipMessage.failed(null, kind, reason);
        }
        byte[] lines = java.util.Arrays.copyOf(head, lastLineEnd + 2);
        lines[lastLineEnd] = '\r';
        lines[lastLineEnd + 1] = '\n';
        return failedHeadersOnly(lines, lines.length, kind, reason);
    }

    private static SipMessage failedHeadersOnly(byte[] bytes, int length, FailureKind kind, String reason) {
        SIPMessage partial = null;
        try {
            partial = PARSER.parse(bytes, length, false, false, new RecordingListener());
        } catch (ParseException | RuntimeException ignored) {
            // nothing usable: the message is dropped rather than answered
        }
        return SipMessage.failed(partial, kind, reason);
    }

    /** Without encoding the start line again, as {@code getFirstLine()} would for every message. */
    private static boolean hasStartLine(SIPMessage raw) {
        if (raw instanceof SIPRequest request) {
            return request.getRequestLine() != null;
        }
        return raw instanceof SIPResponse response && response.getStatusLine() != null;
    }

    private static String describe(Exception e) {
        String text = e.getMessage();
        if (text == null || text.contains("[C@")) {
            // the RI puts a char[] identity in some messages; it names nothing useful
            return "unparseable message (" + e.getClass().getSimpleName() + ")";
        }
        return text.strip();
    }

    /** Keeps parsing past a bad header so the rest stays readable, and remembers which header was bad. */
    private static final class RecordingListener implements ParseExceptionListener {
        final List<String> problems = new ArrayList<>(1);

        @Override
        @SuppressWarnings("rawtypes")
        public void handleException(ParseException ex, SIPMessage message, Class headerClass, String headerText,
                String messageText) {
            String name = headerText == null ? "?" : headerText.strip();
            int colon = name.indexOf(':');
            String headerName = colon > 0 ? name.substring(0, colon).strip() : name;
            problems.add("bad " + Framing.printable(headerName, 30) + " header: " + Framing.printable(name, 60));
        }
    }
}

package dev.acd.sip.message;

/** Byte-level helpers for looking at a message before the parser does. */
final class Framing {
    private Framing() {
    }

    /** The length of the start line and headers including the blank line, or -1 when there is no blank line. */
    static int headerSectionLength(byte[] bytes, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + 4 - from;
            }
        }
        return -1;
    }

    /** True when the message starts like a start line: a method token or "SIP/". */
    static boolean startsWithToken(byte[] bytes, int length) {
        if (length == 0) {
            return false;
        }
        byte b = bytes[0];
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    /** Text safe for a reason phrase or a log line: control characters become '?', cut to {@code max} chars. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f || c > 0x7e ? '?' : c);
        }
        return out.toString();
    }
}

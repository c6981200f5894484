package dev.acd.sip.ua;

import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipFixtures;
import dev.acd.sip.message.SipMessage;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/** Small helpers to shape test messages. */
final class Msgs {
    private Msgs() {
    }

    static SipMessage withHeader(SipMessage message, String name, String value) {
        try {
            message.raw().addLast(SipFactories.headers().createHeader(name, value));
        } catch (ParseException | javax.sip.SipException e) {
            throw new AssertionError(e);
        }
        return message;
    }

    /** A copy through the wire format, so values read at wrap time follow header changes. */
    static SipMessage reparse(SipMessage message) {
        return SipFixtures.parse(new String(message.encode(), StandardCharsets.UTF_8));
    }

    static SipMessage withToTag(SipMessage message, String tag) {
        try {
            message.raw().getTo().setTag(tag);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
        return reparse(message);
    }

    static String text(SipMessage message) {
        return new String(message.encode(), StandardCharsets.UTF_8);
    }
}

package dev.acd.sip.dialog;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** JAIN-SIP RI's message, header and address factories, made once; they are stateless and thread-safe. */
public final class SipFactories {
    private static final MessageFactory MESSAGES;
    private static final HeaderFactory HEADERS;
    private static final AddressFactory ADDRESSES;

    static {
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            MESSAGES = factory.createMessageFactory();
            HEADERS = factory.createHeaderFactory();
            ADDRESSES = factory.createAddressFactory();
        } catch (PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SipFactories() {
    }

    public static MessageFactory messages() {
        return MESSAGES;
    }

    public static HeaderFactory headers() {
        return HEADERS;
    }

    public static AddressFactory addresses() {
        return ADDRESSES;
    }
}

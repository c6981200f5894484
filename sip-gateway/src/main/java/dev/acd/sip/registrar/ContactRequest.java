package dev.acd.sip.registrar;

import dev.acd.sip.message.SipMessage;
import gov.nist.javax.sip.header.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.address.URI;
import javax.sip.header.ExpiresHeader;

/**
 * What a REGISTER asks for (RFC 3261 section 10.3 steps 6 and 8): each Contact with the expiry it gets, or the
 * wildcard that removes every binding of the address-of-record, or nothing (a query). Built by {@link #read}, which
 * names the problem when the request is not acceptable.
 */
final class ContactRequest {
    /** One Contact and the seconds it asks for, after clamping to the maximum; 0 removes it. */
    record Requested(Contact contact, URI uri, int expiresSeconds) {
    }

    /** Why a REGISTER was refused: the status to answer with, the reason, and for 423 the Min-Expires to send. */
    record Refusal(int statusCode, String reason, int minExpires) {
    }

    private final boolean wildcard;
    private final List<Requested> contacts;
    private final Refusal refusal;

    private ContactRequest(boolean wildcard, List<Requested> contacts, Refusal refusal) {
        this.wildcard = wildcard;
        this.contacts = contacts;
        this.refusal = refusal;
    }

    static ContactRequest read(SipMessage request, RegistrarSettings settings) {
        ExpiresHeader expiresHeader = request.raw().getExpires();
        int headerExpires = expiresHeader == null ? -1 : expiresHeader.getExpires();
        List<Contact> contacts = new ArrayList<>();
        boolean wildcard = false;
        ListIterator<?> headers = request.raw().getHeaders(Contact.NAME);
        while (headers != null && headers.hasNext()) {
            Contact contact = (Contact) headers.next();
            wildcard |= contact.isWildCard();
            contacts.add(contact);
        }
        if (wildcard) {
            if (contacts.size() != 1 || headerExpires != 0) {
                return refused(400, "Contact: * must be the only Contact and come with Expires: 0", 0);
            }
            return new ContactRequest(true, List.of(), null);
        }
        List<Requested> requested = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            if (contact.getAddress() == null || contact.getAddress().getURI() == null) {
                return refused(400, "Contact " + (i + 1) + " has no URI", 0);
            }
            int expires = contactExpires(contact, settings);
            if (expires < 0) {
                expires = headerExpires >= 0 ? headerExpires : settings.defaultExpiresSeconds();
            }
            if (expires > 0 && expires < settings.minExpiresSeconds()) {
                return refused(423, "Contact " + contact.getAddress().getURI() + " asks for " + expires
                        + " s, below " + settings.minExpiresSeconds() + " s", settings.minExpiresSeconds());
            }
            requested.add(new Requested(contact, contact.getAddress().getURI(),
                    Math.min(expires, settings.maxExpiresSeconds())));
        }
        return new ContactRequest(false, List.copyOf(requested), null);
    }

    /**
     * The contact's expires parameter; -1 when absent. The RI reads a value it cannot parse as absent, so the text is
     * looked at: digits too many for an int mean "very long" (shortened to the maximum later), anything else is
     * malformed and, as RFC 3261 section 20.19 says, treated as 3600 (our default).
     */
    private static int contactExpires(Contact contact, RegistrarSettings settings) {
        if (contact.getExpires() >= 0) {
            return contact.getExpires();
        }
        String text = contact.getParameter(Contact.EXPIRES);
        if (text == null) {
            return -1;
        }
        return text.strip().matches("\\d+") ? settings.maxExpiresSeconds() : settings.defaultExpiresSeconds();
    }

    private static ContactRequest refused(int status, String reason, int minExpires) {
        return new ContactRequest(false, List.of(), new Refusal(status, reason, minExpires));
    }

    /** Null when the request is acceptable. */
    Refusal refusal() {
        return refusal;
    }

    /** {@code Contact: *} with {@code Expires: 0}: remove every binding of the address-of-record. */
    boolean wildcard() {
        return wildcard;
    }

    List<Requested> contacts() {
        return contacts;
    }
}

package dev.acd.sip.call;

import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SdpParser;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.ServerTransaction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderAddress;
import javax.sip.message.Request;

/** Small helpers for the messages call control reads and writes: SDP bodies, URI users, headers. */
final class Sip {
    private Sip() {
    }

    /** The SDP in a message's body, or null when it has no body. */
    /**
     * Answers a rep's re-INVITE (hold, resume, a new address) with our SDP and points {@code media} at the new
     * peer; returns the negotiation, or null after answering 488/400 for a missing or unusable offer.
     */
    static Negotiation answerReInvite(ServerTransaction tx, SipMessage request, SdpNegotiator sdp, RtpEndpoint media) {
        Negotiation negotiation;
        try {
            SessionDescription offer = sdpOf(request);
            if (offer == null) {
                tx.respondFromAnyThread(response(request, 488, "Not Acceptable Here: a re-INVITE needs an SDP offer"));
                return null;
            }
            negotiation = sdp.answer(offer, media.localPort(), MediaDirection.SENDRECV);
        } catch (SdpException e) {
            tx.respondFromAnyThread(response(request, e.sipStatus(), e.getMessage()));
            return null;
        }
        SipMessage ok = response(request, 200, null);
        withSdp(ok, negotiation.local());
        tx.respondFromAnyThread(ok);
        media.configure(negotiation);
        return negotiation;
    }

    static SessionDescription sdpOf(SipMessage message) throws SdpException {
        byte[] body = message.raw().getRawContent();
        if (body == null || body.length == 0) {
            return null;
        }
        return SdpParser.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Puts {@code sdp} in the message's body as application/sdp. */
    static void withSdp(SipMessage message, SessionDescription sdp) {
        try {
            message.raw().setContent(sdp.encode(), SipFactories.headers().createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot set an SDP body: " + e.getMessage(), e);
        }
    }

    /** Adds a header by name and value text. */
    static void header(SipMessage message, String name, String value) {
        try {
            message.raw().addHeader(SipFactories.headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " header value: " + value, e);
        }
    }

    /** The user part of a SIP URI, or null when the URI has none or is not a SIP URI. */
    static String userOf(URI uri) {
        return uri instanceof SipURI sip ? sip.getUser() : null;
    }

    /** The number dialled: the Request-URI's user, else the To URI's. */
    static String dialled(SipMessage request) {
        String user = userOf(((Request) request.raw()).getRequestURI());
        return user != null ? user : userOf(((HeaderAddress) request.raw().getTo()).getAddress().getURI());
    }

    /** The calling number: the From URI's user (null when anonymous without one). */
    static String caller(SipMessage request) {
        return userOf(((HeaderAddress) request.raw().getFrom()).getAddress().getURI());
    }

    /** {@code sip:user@host} as an address (no user part when {@code user} is null). */
    static Address address(String user, String host, int port) {
        try {
            SipURI uri = SipFactories.addresses().createSipURI(user, host);
            if (port > 0) {
                uri.setPort(port);
            }
            return SipFactories.addresses().createAddress(uri);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot make a SIP URI of user '" + user + "' at " + host, e);
        }
    }

    /** A response with a reason phrase. */
    static SipMessage response(SipMessage request, int status, String reason) {
        return SipResponses.create(request, status, reason);
    }
}

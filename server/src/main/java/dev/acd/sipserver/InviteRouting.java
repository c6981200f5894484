package dev.acd.sipserver;

import java.net.InetSocketAddress;

import javax.sip.address.SipURI;
import javax.sip.message.Request;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.RequestHandler;

/**
 * Where new INVITEs go: the dialled user of the test line to the {@link EchoLine}, every other call to call control.
 * Until call control is plugged in with {@link #callControl(RequestHandler)} those are answered 480, so a caller
 * hears a clean failure rather than a timeout.
 */
public final class InviteRouting implements RequestHandler {
    private final String testUser;
    private final RequestHandler testLine;
    private volatile RequestHandler callControl;

    /** @param testUser the test line's user part, or null when there is no test line */
    InviteRouting(String testUser, RequestHandler testLine) {
        this.testUser = testUser;
        this.testLine = testLine;
    }

    /** Hands every INVITE not for the test line to {@code handler} (the B2BUA's call control). */
    public void callControl(RequestHandler handler) {
        this.callControl = handler;
    }

    @Override
    public void onRequest(ServerTransaction tx, SipMessage invite, InetSocketAddress remote, SipTransport transport) {
        RequestHandler handler = handlerFor(invite);
        if (handler == null) {
            tx.respond(SipResponses.create(invite, 480, "Temporarily Unavailable: call control is not running"));
            return;
        }
        handler.onRequest(tx, invite, remote, transport);
    }

    @Override
    public void onCancelled(ServerTransaction invite, SipMessage cancel) {
        RequestHandler handler = handlerFor(invite.request());
        if (handler != null) {
            handler.onCancelled(invite, cancel);
        }
    }

    private RequestHandler handlerFor(SipMessage invite) {
        if (testUser != null && testUser.equals(dialledUser(invite))) {
            return testLine;
        }
        return callControl;
    }

    /** The user part of the Request-URI, or null when it has none (or is not a SIP URI). */
    static String dialledUser(SipMessage request) {
        return ((Request) request.raw()).getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
    }
}

package dev.acd.sip.ua;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;

/**
 * Handles the out-of-dialog requests of one method (registered with {@link UserAgentCore#register}). Called on the
 * event loop that read the request, after the core's checks (section 8.2); answer through
 * {@code transaction.respond}. A 1xx with a To tag or a 2xx to an INVITE makes a dialog, and the core retransmits
 * the 2xx until the ACK: see {@link UserAgentCore#answer} to give the dialog a listener.
 */
@FunctionalInterface
public interface RequestHandler {
    void onRequest(ServerTransaction transaction, SipMessage request, InetSocketAddress remote, SipTransport transport);

    /** The INVITE on {@code invite} was cancelled; the core already sent 487 to it and 200 to the CANCEL. */
    default void onCancelled(ServerTransaction invite, SipMessage cancel) {
    }
}

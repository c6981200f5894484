package dev.acd.sip.registrar;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/**
 * Builds the out-of-dialog OPTIONS that ping a binding (RFC 3261 section 11) with JAIN-SIP's factories: Request-URI
 * and To the Contact URI, From us with a fresh tag, a fresh Call-ID and branch, rport asked for so the answer comes
 * back through the phone's NAT. Thread-safe (the RI factories keep no per-request state).
 */
final class OptionsRequests {
    private static final int MAX_FORWARDS = 70;

    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    OptionsRequests() {
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP RI factories are missing", e);
        }
    }

    /** An OPTIONS to {@code contact}, sent from {@code local} over {@code transport}. */
    SipMessage ping(URI contact, InetSocketAddress local, SipTransport transport) {
        try {
            String host = local.getHostString();
            ViaHeader via = headers.createViaHeader(host, local.getPort(), transport.name(),
                    TransactionLayer.newBranch());
            via.setRPort();
            Address from = addresses.createAddress(addresses.createSipURI("registrar", hostForUri(host) + ":"
                    + local.getPort()));
            Address to = addresses.createAddress((URI) contact.clone());
            Request request = messages.createRequest((URI) contact.clone(), Request.OPTIONS,
                    headers.createCallIdHeader(SipResponses.newTag() + SipResponses.newTag() + "@" + hostForUri(host)),
                    headers.createCSeqHeader(1L, Request.OPTIONS),
                    headers.createFromHeader(from, SipResponses.newTag()),
                    headers.createToHeader(to, null),
                    List.of(via),
                    headers.createMaxForwardsHeader(MAX_FORWARDS));
            return SipMessage.of((SIPRequest) request);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build an OPTIONS ping to " + contact + " from " + local, e);
        }
    }

    /** An IPv6 literal goes in brackets in a SIP URI. */
    private static String hostForUri(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}

package dev.acd.sip.dialog;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * One dialog (RFC 3261 section 12): its id, state, route set, remote target and local/remote CSeq, and the requests
 * sent inside it. Owned by one event loop (that of {@link #layer()}): call it only there, or hop with
 * {@link #execute}. The UA core drives its state; call control reads it and asks the core to send requests.
 */
public final class Dialog {
    /** Requests that carry our Contact, being target refresh or dialog-creating ones (section 12.2.1.1). */
    private static final Set<String> WITH_CONTACT = Set.of("INVITE", "UPDATE", "REFER", "NOTIFY", "SUBSCRIBE");
    private static final int MAX_FORWARDS = 70;

    private final DialogId id;
    private final DialogRole role;
    private final SipTransport transport;
    private final TransactionLayer layer;
    private final InetSocketAddress localAddress;
    private final Address localContact;
    private final Address localUri;
    private final Address remoteUri;
    private DialogListener listener;
    private DialogState state;
    private List<Address> routeSet;
    private URI remoteTarget;
    private long localSeq;
    private long remoteSeq;
    private SipMessage lastAck;

    private Dialog(DialogId id, DialogRole role, DialogState state, SipTransport transport, TransactionLayer layer,
            InetSocketAddress localAddress, Address localContact, Address localUri, Address remoteUri,
            List<Address> routeSet, URI remoteTarget, long localSeq, long remoteSeq, DialogListener listener) {
        this.id = id;
        this.role = role;
        this.state = state;
        this.transport = transport;
        this.layer = layer;
        this.localAddress = localAddress;
        this.localContact = localContact;
        this.localUri = localUri;
        this.remoteUri = remoteUri;
        this.routeSet = routeSet;
        this.remoteTarget = remoteTarget;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.listener = listener;
    }

    /**
     * The dialog a UAS makes by answering {@code invite} with {@code response} (section 12.1.1): route set from the
     * request's Record-Route in order, remote target from its Contact, remote CSeq from its CSeq.
     *
     * @param local our sent-by for the Via of requests we send in it; {@code localContact} our Contact
     */
    public static Dialog asUas(SipMessage invite, SipMessage response, SipTransport transport, TransactionLayer layer,
            InetSocketAddress local, Address localContact, DialogListener listener) {
        SIPMessage req = invite.raw();
        String localTag = response.raw().getTo().getTag();
        DialogId id = new DialogId(invite.callId(), localTag, invite.fromTag());
        return new Dialog(id, DialogRole.UAS, stateFor(response), transport, layer, local, localContact,
                clone(req.getTo().getAddress()), clone(req.getFrom().getAddress()), recordRoutes(req, false),
                contactOf(invite), 0, invite.cseqNumber(), listener);
    }

    /**
     * The dialog a UAC gets from a 1xx with a To tag or a 2xx to its {@code invite} (section 12.1.2): route set from
     * the response's Record-Route reversed, remote target from its Contact, local CSeq from the INVITE's.
     */
    public static Dialog asUac(SipMessage invite, SipMessage response, SipTransport transport, TransactionLayer layer,
            InetSocketAddress local, Address localContact, DialogListener listener) {
        SIPMessage req = invite.raw();
        DialogId id = new DialogId(invite.callId(), invite.fromTag(), response.raw().getTo().getTag());
        return new Dialog(id, DialogRole.UAC, stateFor(response), transport, layer, local, localContact,
                clone(req.getFrom().getAddress()), clone(req.getTo().getAddress()),
                recordRoutes(response.raw(), true), contactOf(response), invite.cseqNumber(), -1, listener);
    }

    private static DialogState stateFor(SipMessage response) {
        int status = response.statusCode();
        if (status < 101 || status >= 300) {
            throw new IllegalArgumentException("a dialog comes from a 101-299 response, not " + status);
        }
        return status < 200 ? DialogState.EARLY : DialogState.CONFIRMED;
    }

    public DialogId id() {
        return id;
    }

    public DialogRole role() {
        return role;
    }

    public DialogState state() {
        return state;
    }

    /** The transport requests in this dialog default to (a URI's transport parameter wins). */
    public SipTransport transport() {
        return transport;
    }

    /** The transaction layer of the event loop that owns this dialog. */
    public TransactionLayer layer() {
        return layer;
    }

    /** Runs {@code task} on this dialog's event loop (at once when already there). */
    public void execute(Runnable task) {
        layer.execute(task);
    }

    public DialogListener listener() {
        return listener;
    }

    public void listener(DialogListener listener) {
        this.listener = listener;
    }

    /** The route set, first hop first; empty when no proxy record-routed. */
    public List<Address> routeSet() {
        return Collections.unmodifiableList(routeSet);
    }

    /** Where requests in the dialog are addressed: the peer's Contact, as last refreshed. */
    public URI remoteTarget() {
        return remoteTarget;
    }

    /** Our last CSeq number in this dialog (0 before we sent a request as UAS). */
    public long localSeq() {
        return localSeq;
    }

    /** The peer's last CSeq number, or -1 when it has sent nothing in the dialog yet. */
    public long remoteSeq() {
        return remoteSeq;
    }

    /** The ACK we last sent for a 2xx, resent when that 2xx is retransmitted (UAC); null before. */
    public SipMessage lastAck() {
        return lastAck;
    }

    public void lastAck(SipMessage ack) {
        this.lastAck = ack;
    }

    /** Early to confirmed on a 2xx; for a UAC the route set and target come again from the 2xx (12.1.2). */
    public void confirm(SipMessage response) {
        if (state == DialogState.TERMINATED) {
            throw new IllegalStateException("dialog " + id + " is terminated; cannot confirm it");
        }
        if (role == DialogRole.UAC) {
            if (state == DialogState.EARLY) {
                routeSet = recordRoutes(response.raw(), true);
            }
            refreshTarget(response);
        }
        state = DialogState.CONFIRMED;
    }

    /** Ends the dialog; true when this call ended it, false when it was already over. */
    public boolean terminate() {
        if (state == DialogState.TERMINATED) {
            return false;
        }
        state = DialogState.TERMINATED;
        return true;
    }

    /**
     * Checks and records the CSeq of a request from the peer (section 12.2.2): lower than the last one means out of
     * order (the caller answers 500). ACK and CANCEL do not count here.
     */
    public boolean acceptRemoteCSeq(long cseq) {
        if (remoteSeq >= 0 && cseq < remoteSeq) {
            return false;
        }
        remoteSeq = cseq;
        return true;
    }

    /** A target refresh (re-INVITE, UPDATE, or a 2xx to ours): the Contact, when present, is the new target. */
    public void refreshTarget(SipMessage message) {
        URI contact = contactOf(message);
        if (contact != null) {
            remoteTarget = contact;
        }
    }

    /** The next request of ours in this dialog, CSeq one higher (section 12.2.1.1). Not for ACK or CANCEL. */
    public SipMessage createRequest(String method) {
        if ("ACK".equals(method) || "CANCEL".equals(method)) {
            throw new IllegalArgumentException(method + " takes the CSeq of its INVITE; use createAck");
        }
        return build(method, ++localSeq);
    }

    /** The ACK of a 2xx to our INVITE with CSeq {@code inviteCSeq}: a new branch, the same CSeq number (13.2.2.4). */
    public SipMessage createAck(long inviteCSeq) {
        return build("ACK", inviteCSeq);
    }

    /** Where the next request goes: the first route when there is a route set, else the remote target. */
    public NextHop nextHop() {
        URI first = routeSet.isEmpty() ? remoteTarget : routeSet.get(0).getURI();
        return NextHop.of(first, transport);
    }

    private SipMessage build(String method, long cseq) {
        if (remoteTarget == null) {
            throw new IllegalStateException("dialog " + id + " has no remote target (no Contact seen)");
        }
        HeaderFactory h = SipFactories.headers();
        try {
            URI requestUri = (URI) remoteTarget.clone();
            List<Address> routes = routeSet;
            if (!routeSet.isEmpty() && routeSet.get(0).getURI() instanceof SipURI first && !first.hasLrParam()) {
                // a strict router: it goes in the Request-URI, the target at the end of the Route (12.2.1.1)
                SipURI strict = (SipURI) first.clone();
                strict.removeParameter("lr");
                requestUri = strict;
                routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
                routes.add(SipFactories.addresses().createAddress((URI) remoteTarget.clone()));
            }
            ViaHeader via = h.createViaHeader(localAddress.getAddress().getHostAddress(), localAddress.getPort(),
                    transport.name(), TransactionLayer.newBranch());
            via.setRPort();
            Request request = SipFactories.messages().createRequest(requestUri, method,
                    h.createCallIdHeader(id.callId()), h.createCSeqHeader(cseq, method),
                    h.createFromHeader(clone(localUri), id.localTag()), h.createToHeader(clone(remoteUri), id.remoteTag()),
                    List.of(via), h.createMaxForwardsHeader(MAX_FORWARDS));
            for (Address route : routes) {
                request.addLast(h.createRouteHeader(clone(route)));
            }
            if (WITH_CONTACT.contains(method)) {
                request.addHeader(h.createContactHeader(clone(localContact)));
            }
            return SipMessage.of((SIPMessage) request);
        } catch (ParseException | InvalidArgumentException | javax.sip.SipException e) {
            throw new IllegalStateException("cannot build " + method + " in dialog " + id + ": " + e.getMessage(), e);
        }
    }

    private static List<Address> recordRoutes(SIPMessage message, boolean reversed) {
        List<Address> routes = new ArrayList<>();
        ListIterator<?> it = message.getHeaders(RecordRouteHeader.NAME);
        while (it != null && it.hasNext()) {
            routes.add(clone(((RecordRouteHeader) it.next()).getAddress()));
        }
        if (reversed) {
            Collections.reverse(routes);
        }
        return routes;
    }

    private static URI contactOf(SipMessage message) {
        ContactHeader contact = (ContactHeader) message.raw().getHeader(ContactHeader.NAME);
        return contact == null || contact.getAddress() == null ? null : (URI) contact.getAddress().getURI().clone();
    }

    private static Address clone(Address address) {
        return (Address) address.clone();
    }

    @Override
    public String toString() {
        return "Dialog[" + id + ", " + role + ", " + state + "]";
    }
}

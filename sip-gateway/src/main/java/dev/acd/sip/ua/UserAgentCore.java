package dev.acd.sip.ua;

import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.DialogId;
import dev.acd.sip.dialog.DialogListener;
import dev.acd.sip.dialog.DialogState;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ClientTransaction;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.MessageSender;
import dev.acd.sip.transaction.RequestContext;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionKey;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transaction.TransactionState;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The UA core (RFC 3261 sections 8, 9, 12 and 13) above the transactions: checks each new request (483, 482, 420,
 * 405), answers CANCEL, keeps the dialogs and routes in-dialog requests to them (481, 500), retransmits our 2xx to
 * an INVITE until the ACK and hangs up when it never comes, ACKs the 2xx to our INVITEs, and hands out-of-dialog
 * requests to a {@link RequestHandler} per method.
 *
 * <p>Threading: one instance serves every event loop of a {@code TransactionDispatcher}. Its own tables are
 * concurrent maps; everything else is confined: a request is handled on the loop that read it, and a dialog's state
 * is only touched on the loop that owns it ({@link Dialog#layer()}), the core hopping there when a request or ACK
 * for it arrives on another loop (a second TCP connection from the same peer). One shared core keeps the dialog
 * table in one place, so the hop needs no lookup across loops; per-loop state would have needed exactly that.
 */
public final class UserAgentCore implements TransactionLayer.Core {
    /** Methods the core answers itself, whatever handlers are registered. */
    private static final Set<String> CORE_METHODS = Set.of("ACK", "BYE", "CANCEL", "OPTIONS");
    /** Methods a dialog takes (its listener answers them). */
    private static final Set<String> DIALOG_METHODS = Set.of("INFO", "REFER", "NOTIFY", "UPDATE");
    private static final int MAX_FORWARDS = 70;

    private final SipNetwork network;
    private final Set<String> supported;
    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final Map<DialogId, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<DialogId, AnswerRetransmission> unacknowledged = new ConcurrentHashMap<>();
    private final Map<ServerTransaction, DialogListener> listenersByInvite = new ConcurrentHashMap<>();
    private final Map<MergeKey, TransactionKey> recentRequests = new ConcurrentHashMap<>();
    private volatile DialogListener defaultListener = DialogListener.NONE;

    /** Identifies a request for merge detection (section 8.2.2.2): same From tag, Call-ID and CSeq. */
    private record MergeKey(String fromTag, String callId, long cseq, String method) {
    }

    /** A core supporting no extensions (every Require is answered 420). */
    public UserAgentCore(SipNetwork network) {
        this(network, Set.of());
    }

    /** @param supported option tags we support (section 8.2.2.3); listed in Supported */
    public UserAgentCore(SipNetwork network, Set<String> supported) {
        this.network = network;
        this.supported = Set.copyOf(supported);
    }

    /** Routes out-of-dialog requests of {@code method} to {@code handler}, replacing any earlier one. */
    public void register(String method, RequestHandler handler) {
        handlers.put(method, handler);
    }

    /** The listener of dialogs whose INVITE was answered without {@link #answer}. */
    public void defaultDialogListener(DialogListener listener) {
        this.defaultListener = listener;
    }

    /** The dialog with this id, if it is live. */
    public Optional<Dialog> dialog(DialogId id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    /** Live dialogs, early and confirmed. */
    public int dialogCount() {
        return dialogs.size();
    }

    private void addAllow(SipMessage response) {
        for (String method : allowed()) {
            addHeader(response, "Allow", method);
        }
    }

    /** The methods we allow, for Allow headers, in alphabetical order. */
    public Set<String> allowed() {
        Set<String> methods = new TreeSet<>(CORE_METHODS);
        methods.addAll(handlers.keySet());
        if (handlers.containsKey("INVITE")) {
            methods.addAll(DIALOG_METHODS);
        }
        return methods;
    }

    // ---- the UAS side -------------------------------------------------------------------------------------------

    @Override
    public void onRequest(ServerTransaction tx, SipMessage request, RequestContext context) {
        String method = request.method();
        if (request.maxForwards() == 0) {
            tx.respond(SipResponses.create(request, 483, null));
            return;
        }
        if ("CANCEL".equals(method)) {
            onCancel(tx, request, context);
            return;
        }
        if (request.toTag() != null) {
            if (!requireSupported(tx, request)) {
                return;
            }
            inDialog(tx, request);
            return;
        }
        RequestHandler handler = handlers.get(method);
        if (handler == null && !CORE_METHODS.contains(method)) {
            SipMessage notAllowed = SipResponses.create(request, 405, null);
            addAllow(notAllowed);
            tx.respond(notAllowed);
            return;
        }
        if (merged(tx, request, context) || !requireSupported(tx, request)) {
            return;
        }
        if (handler != null) {
            handler.onRequest(tx, request, context.remote(), context.transport());
        } else if ("OPTIONS".equals(method)) {
            tx.respond(optionsAnswer(request));
        } else {
            // a BYE without a To tag belongs to no dialog (section 15.1.2)
            tx.respond(SipResponses.create(request, 481, null));
        }
    }

    /**
     * Answers an INVITE (or sends it a provisional response) so the dialog it makes gets {@code listener}; returns
     * that dialog, or null when the response makes none (a 1xx without To tag, a failure). Call on the
     * transaction's event loop.
     */
    public Dialog answer(ServerTransaction invite, SipMessage response, DialogListener listener) {
        listenersByInvite.put(invite, listener);
        invite.respond(response);
        if (response.statusCode() >= 200) {
            listenersByInvite.remove(invite);
        }
        String tag = response.raw().getTo().getTag();
        return tag == null ? null : dialogs.get(new DialogId(invite.request().callId(), tag,
                invite.request().fromTag()));
    }

    /** Section 8.2.2.2: a request with the From tag, Call-ID and CSeq of a live one but another branch is a loop. */
    private boolean merged(ServerTransaction tx, SipMessage request, RequestContext context) {
        MergeKey key = new MergeKey(request.fromTag(), request.callId(), request.cseqNumber(), request.method());
        TransactionKey first = recentRequests.putIfAbsent(key, tx.key());
        if (first == null) {
            context.layer().scheduler().schedule(context.layer().timers().timeoutMs(),
                    () -> recentRequests.remove(key, tx.key()));
            return false;
        }
        // the same request after its transaction ended (an accepted INVITE absorbs its own copies for 64*T1, RFC
        // 6026), or another branch of it: either way it was answered already
        tx.respond(SipResponses.create(request, 482, first.equals(tx.key())
                ? "Loop Detected: request already answered" : null));
        return true;
    }

    private boolean requireSupported(ServerTransaction tx, SipMessage request) {
        List<String> unsupported = new ArrayList<>();
        ListIterator<?> it = request.raw().getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!supported.contains(tag)) {
                unsupported.add(tag);
            }
        }
        if (unsupported.isEmpty()) {
            return true;
        }
        SipMessage bad = SipResponses.create(request, 420, null);
        unsupported.forEach(tag -> addHeader(bad, "Unsupported", tag));
        tx.respond(bad);
        return false;
    }

    private SipMessage optionsAnswer(SipMessage request) {
        SipMessage ok = SipResponses.create(request, 200, null);
        addAllow(ok);
        addHeader(ok, "Accept", "application/sdp");
        if (supported.isEmpty()) {
            addHeader(ok, "Supported", "");
        }
        for (String tag : new TreeSet<>(supported)) {
            addHeader(ok, "Supported", tag);
        }
        return ok;
    }

    /** Section 9.2: 200 to the CANCEL and 487 to its INVITE when that has no final response yet; 481 if none. */
    private void onCancel(ServerTransaction tx, SipMessage cancel, RequestContext context) {
        ServerTransaction invite = context.layer().findCancelled(cancel);
        if (invite == null) {
            tx.respond(SipResponses.create(cancel, 481, null));
            return;
        }
        SipMessage ok = SipResponses.create(cancel, 200, null);
        SipMessage last = invite.lastResponse();
        if (last != null && last.raw().getTo().getTag() != null) {
            setToTag(ok, last.raw().getTo().getTag()); // section 9.2: the same To tag as the INVITE's responses
        }
        tx.respond(ok);
        if (invite.state() != TransactionState.PROCEEDING || (last != null && last.statusCode() >= 200)) {
            return; // the final response went first: the CANCEL has no effect
        }
        invite.respond(SipResponses.create(invite.request(), 487, null));
        RequestHandler handler = handlers.get("INVITE");
        if (handler != null && invite.request().toTag() == null) {
            handler.onCancelled(invite, cancel);
        }
    }

    /** Section 12.2.2: find the dialog (481 when none), check CSeq (500 when lower), then BYE or the listener. */
    private void inDialog(ServerTransaction tx, SipMessage request) {
        DialogId id = new DialogId(request.callId(), request.toTag(), request.fromTag());
        Dialog dialog = dialogs.get(id);
        if (dialog == null) {
            tx.respond(SipResponses.create(request, 481, null));
            return;
        }
        dialog.execute(() -> inDialogOnOwner(dialog, tx, request));
    }

    private void inDialogOnOwner(Dialog dialog, ServerTransaction tx, SipMessage request) {
        if (dialog.state() == DialogState.TERMINATED) {
            tx.respondFromAnyThread(SipResponses.create(request, 481, null));
            return;
        }
        if (!dialog.acceptRemoteCSeq(request.cseqNumber())) {
            tx.respondFromAnyThread(SipResponses.create(request, 500, "Server Internal Error: CSeq "
                    + request.cseqNumber() + " is lower than " + dialog.remoteSeq()));
            return;
        }
        if ("BYE".equals(request.method())) {
            tx.respondFromAnyThread(SipResponses.create(request, 200, null));
            end(dialog, "BYE received");
            return;
        }
        if ("INVITE".equals(request.method()) || "UPDATE".equals(request.method())) {
            dialog.refreshTarget(request);
        }
        dialog.listener().onRequest(dialog, tx, request);
    }

    /**
     * Every response our server transactions send passes here first. For an INVITE: one To tag for all responses
     * (section 8.2.6.2), our Contact added, the dialog made, confirmed or ended, and a 2xx retransmitted until the
     * ACK (section 13.3.1.4).
     */
    @Override
    public void onSending(ServerTransaction tx, SipMessage response) {
        int status = response.statusCode();
        SipMessage invite = tx.request();
        if (!"INVITE".equals(invite.method()) || status == 100) {
            return;
        }
        SipMessage previous = tx.lastResponse();
        if (previous != null && previous != response && previous.statusCode() > 100) {
            setToTag(response, previous.raw().getTo().getTag());
        }
        RequestContext context = tx.context();
        if (context == null) {
            return;
        }
        if (status < 300 && response.raw().getHeader(ContactHeader.NAME) == null) {
            response.raw().addHeader(SipFactories.headers().createContactHeader(contact(context.transport())));
        }
        String localTag = response.raw().getTo().getTag();
        if (invite.toTag() != null) {
            if (status >= 200 && status < 300) {
                Dialog dialog = dialogs.get(new DialogId(invite.callId(), invite.toTag(), invite.fromTag()));
                if (dialog != null) {
                    dialog.execute(() -> retransmitUntilAck(dialog, response, context.replyTo()));
                }
            }
            return;
        }
        DialogId id = new DialogId(invite.callId(), localTag, invite.fromTag());
        Dialog existing = dialogs.get(id);
        if (existing != null && isPendingAnswer(id, response)) {
            return; // our 2xx again (the accepted transaction passing it on): already retransmitting
        }
        if (status >= 300) {
            listenersByInvite.remove(tx);
            if (existing != null) {
                end(existing, "INVITE answered " + status);
            }
            return;
        }
        Dialog dialog = existing;
        if (dialog == null) {
            DialogListener listener = listenersByInvite.getOrDefault(tx, defaultListener);
            dialog = Dialog.asUas(invite, response, context.transport(), context.layer(),
                    network.localAddress(context.transport()), contact(context.transport()), listener);
            dialogs.put(id, dialog);
        }
        if (status >= 200) {
            listenersByInvite.remove(tx);
            dialog.confirm(response);
            retransmitUntilAck(dialog, response, context.replyTo());
        }
    }

    private boolean isPendingAnswer(DialogId id, SipMessage response) {
        AnswerRetransmission pending = unacknowledged.get(id);
        return pending != null && pending.response() == response;
    }

    private void retransmitUntilAck(Dialog dialog, SipMessage response, MessageSender replyTo) {
        AnswerRetransmission retransmission = new AnswerRetransmission(response, replyTo,
                dialog.layer().scheduler(), dialog.layer().timers(), () -> {
                    unacknowledged.remove(dialog.id());
                    bye(dialog, "no ACK for our 2xx");
                });
        AnswerRetransmission before = unacknowledged.put(dialog.id(), retransmission);
        if (before != null) {
            before.stop();
        }
        retransmission.start();
    }

    /** The ACK of a 2xx we sent: it stops the retransmission (section 13.3.1.4). */
    @Override
    public void onStrayAck(SipMessage ack, RequestContext context) {
        if (ack.toTag() == null) {
            return;
        }
        Dialog dialog = dialogs.get(new DialogId(ack.callId(), ack.toTag(), ack.fromTag()));
        if (dialog == null) {
            return;
        }
        dialog.execute(() -> {
            AnswerRetransmission pending = unacknowledged.get(dialog.id());
            if (pending != null && pending.cseq() == ack.cseqNumber()) {
                unacknowledged.remove(dialog.id(), pending);
                pending.stop();
                dialog.listener().onAck(dialog, ack);
            }
        });
    }

    // ---- the UAC side -------------------------------------------------------------------------------------------

    /** A retransmitted 2xx to our INVITE: its transaction is gone, so the dialog resends its ACK (13.2.2.4). */
    @Override
    public void onStrayResponse(SipMessage response, TransactionLayer layer) {
        int status = response.statusCode();
        if (status < 200 || status >= 300 || !"INVITE".equals(response.cseqMethod()) || response.toTag() == null) {
            return;
        }
        Dialog dialog = dialogs.get(new DialogId(response.callId(), response.fromTag(), response.toTag()));
        if (dialog == null) {
            return;
        }
        dialog.execute(() -> {
            SipMessage ack = dialog.lastAck();
            if (ack != null && ack.cseqNumber() == response.cseqNumber()) {
                NextHop hop = dialog.nextHop();
                network.send(hop.transport(), hop.address(), ack);
            }
        });
    }

    /**
     * Sends an INVITE out of dialog in a new client transaction on {@code layer}'s loop (hopping there); the
     * returned handle cancels it. {@code hop} is where it goes (see {@link #hopFor}).
     */
    public ClientInvite invite(TransactionLayer layer, SipMessage invite, NextHop hop, InviteListener listener) {
        ClientInvite call = new ClientInvite(this, invite, hop, layer, listener);
        layer.execute(call::start);
        return call;
    }

    /** Sends a non-INVITE request out of dialog (OPTIONS, REGISTER, MESSAGE) on {@code layer}'s loop. */
    public void send(TransactionLayer layer, SipMessage request, NextHop hop, ClientTransactionUser user) {
        layer.execute(() -> layer.sendRequest(request, hop.transport().reliable(), senderTo(hop), user));
    }

    /**
     * Sends a request built with {@link Dialog#createRequest} in its dialog, on the dialog's loop. A 2xx to a
     * re-INVITE refreshes the target and is ACKed; a 481 or 408 ends the dialog (section 12.2.1.2).
     */
    public void sendInDialog(Dialog dialog, SipMessage request, ClientTransactionUser user) {
        dialog.execute(() -> {
            NextHop hop = dialog.nextHop();
            dialog.layer().sendRequest(request, hop.transport().reliable(), senderTo(hop), new ClientTransactionUser() {
                @Override
                public void onResponse(ClientTransaction transaction, SipMessage response) {
                    int status = response.statusCode();
                    if ("INVITE".equals(request.method()) && status >= 200 && status < 300) {
                        dialog.refreshTarget(response);
                        ack(dialog, response);
                    }
                    user.onResponse(transaction, response);
                    if (status == 481 || status == 408) {
                        end(dialog, request.method() + " answered " + status);
                    }
                }

                @Override
                public void onTimeout(ClientTransaction transaction) {
                    user.onTimeout(transaction);
                    end(dialog, request.method() + " timed out");
                }
            });
        });
    }

    /** Hangs up a confirmed dialog: sends BYE and ends it at once (section 15.1.1). Any thread. */
    public void bye(Dialog dialog) {
        bye(dialog, "BYE sent");
    }

    private void bye(Dialog dialog, String reason) {
        dialog.execute(() -> {
            if (dialog.state() == DialogState.TERMINATED) {
                return;
            }
            SipMessage bye = dialog.createRequest("BYE");
            end(dialog, reason);
            NextHop hop = dialog.nextHop();
            dialog.layer().sendRequest(bye, hop.transport().reliable(), senderTo(hop), IGNORE_RESPONSES);
        });
    }

    private static final ClientTransactionUser IGNORE_RESPONSES = new ClientTransactionUser() {
        @Override
        public void onResponse(ClientTransaction transaction, SipMessage response) {
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
        }
    };

    /** The ACK for a 2xx to an INVITE of ours, sent straight to the next hop and kept for re-ACKs (13.2.2.4). */
    void ack(Dialog dialog, SipMessage response) {
        SipMessage ack = dialog.createAck(response.cseqNumber());
        dialog.lastAck(ack);
        NextHop hop = dialog.nextHop();
        network.send(hop.transport(), hop.address(), ack);
    }

    Dialog createUacDialog(SipMessage invite, SipMessage response, SipTransport transport, TransactionLayer layer,
            DialogListener listener) {
        Dialog dialog = Dialog.asUac(invite, response, transport, layer, network.localAddress(transport),
                contact(transport), listener);
        dialogs.put(dialog.id(), dialog);
        return dialog;
    }

    /** Ends a dialog: forgets it, stops any 2xx retransmission and tells its listener. On the dialog's loop. */
    void end(Dialog dialog, String reason) {
        if (!dialog.terminate()) {
            return;
        }
        dialogs.remove(dialog.id(), dialog);
        AnswerRetransmission pending = unacknowledged.remove(dialog.id());
        if (pending != null) {
            pending.stop();
        }
        dialog.listener().onTerminated(dialog, reason);
    }

    MessageSender senderTo(NextHop hop) {
        return m -> network.send(hop.transport(), hop.address(), m);
    }

    // ---- building requests --------------------------------------------------------------------------------------

    /** Where an out-of-dialog request goes: its first Route when it has one, else its Request-URI. */
    public static NextHop hopFor(SipMessage request, SipTransport fallback) {
        javax.sip.header.RouteHeader route = (javax.sip.header.RouteHeader) request.raw()
                .getHeader(javax.sip.header.RouteHeader.NAME);
        URI uri = route != null ? route.getAddress().getURI() : ((Request) request.raw()).getRequestURI();
        return NextHop.of(uri, fallback);
    }

    /** Our Contact on {@code transport}: {@code <sip:host:port;transport=tcp>} for TCP. */
    public Address contact(SipTransport transport) {
        InetSocketAddress local = network.localAddress(transport);
        try {
            SipURI uri = SipFactories.addresses().createSipURI(null, local.getAddress().getHostAddress());
            uri.setPort(local.getPort());
            if (transport == SipTransport.TCP) {
                uri.setTransportParam("tcp");
            }
            return SipFactories.addresses().createAddress(uri);
        } catch (ParseException e) {
            throw new IllegalStateException("our own address does not make a SIP URI: " + local, e);
        }
    }

    /**
     * A new out-of-dialog request (section 8.1.1): a new Call-ID, a From tag, CSeq 1, our Via with a new branch and
     * rport, Max-Forwards 70, and our Contact on an INVITE. Add a body and other headers to {@code raw()} before
     * sending.
     */
    public SipMessage newRequest(String method, URI requestUri, Address from, Address to, SipTransport transport) {
        HeaderFactory h = SipFactories.headers();
        InetSocketAddress local = network.localAddress(transport);
        try {
            ViaHeader via = h.createViaHeader(local.getAddress().getHostAddress(), local.getPort(), transport.name(),
                    TransactionLayer.newBranch());
            via.setRPort();
            Request request = SipFactories.messages().createRequest(requestUri, method,
                    h.createCallIdHeader(network.newCallId(local.getAddress().getHostAddress())),
                    h.createCSeqHeader(1L, method), h.createFromHeader(from, SipResponses.newTag()),
                    h.createToHeader(to, null), List.of(via), h.createMaxForwardsHeader(MAX_FORWARDS));
            if ("INVITE".equals(method) || "SUBSCRIBE".equals(method) || "REGISTER".equals(method)) {
                request.addHeader(h.createContactHeader(contact(transport)));
            }
            return SipMessage.of((SIPMessage) request);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + " to " + requestUri + ": "
                    + e.getMessage(), e);
        }
    }

    private static void addHeader(SipMessage message, String name, String value) {
        try {
            message.raw().addHeader(SipFactories.headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " header value: " + value, e);
        }
    }

    private static void setToTag(SipMessage response, String tag) {
        try {
            response.raw().getTo().setTag(tag);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad To tag: " + tag, e);
        }
    }
}

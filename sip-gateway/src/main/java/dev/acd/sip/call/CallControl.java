package dev.acd.sip.call;

import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.command.Command;
import dev.acd.core.command.CommandSubscriber;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.time.Clock;
import dev.acd.sip.auth.AuthOutcome;
import dev.acd.sip.auth.ChallengeKind;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.TrunkPolicy;
import dev.acd.sip.media.RtpEndpoint;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.sdp.Negotiation;
import dev.acd.sip.sdp.SdpException;
import dev.acd.sip.sdp.SdpNegotiator;
import dev.acd.sip.sdp.SessionDescription;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transaction.TransactionState;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.RequestHandler;
import dev.acd.sip.ua.SipStack;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The B2BUA's call control: the INVITE handler of the SIP stack and the router's command subscriber.
 *
 * <ul>
 *   <li>An INVITE from a trunk source (the {@link TrunkPolicy}) is a customer's call: the dialled number picks the
 *       line (404 when none), it is published as {@code CallArrived} and {@code CallClassified}, answered with our
 *       SDP (488 without a common codec) and waits with music for the router's {@code OfferCall}. A line with a
 *       DTMF menu plays it first and classifies the call into the queue the caller chose.</li>
 *   <li>Any other INVITE must be a rep's softphone dialling out: digest-authenticated with 407, checked against the
 *       dial rules (403 naming the rule), sent to the trunk with the configured caller ID. An unauthenticated INVITE
 *       to one of our line numbers is a trunk call from a source we do not trust: 403. Failed authentications
 *       count in the {@link Defence} like the registrar's; the one that blocks the source gets 403.</li>
 * </ul>
 *
 * <p>Threading: a call and all its legs live on the event loop of the INVITE that started it. {@link #onCommand}
 * runs on the router's journal thread and only hands the command to that loop. Nothing here blocks a loop except
 * {@link EventPublisher#publish} when the router is saturated; a new call is refused with 503 instead
 * ({@code tryPublish}).
 */
public final class CallControl implements CommandSubscriber, RequestHandler {
    /** What a 503 for a shortage of ours asks the caller's side to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final SipStack stack;
    private final DigestAuthenticator authenticator;
    private final Defence defence;
    private final TrunkPolicy trunkPolicy;
    private final LongSupplier callIds;
    private final CallEnv env;
    private final Map<ServerTransaction, OutboundCall> dialling = new ConcurrentHashMap<>();

    /**
     * @param stack         the running SIP stack; {@link #start} registers the INVITE handler on it
     * @param bindings      where reps' softphones are registered ({@code registrar::bindingsOf})
     * @param authenticator checks reps' outbound INVITEs (407 challenges)
     * @param trunkPolicy   which sources may send us customers' calls
     * @param publisher     where call events go (the router's ring)
     * @param classifier    the classifier of the configuration in force (re-read for every call)
     * @param model         the routing model in force: lines, queues and reps (re-read for every call)
     * @param callIds       our call ids, unique across every call-control origin
     * @param ownership     claims each call for this origin in the server's command routing
     * @param media         RTP endpoints, our media address, codec preference and sounds
     * @param recordings    opens a bridged call's recording ({@link CallRecordings#NONE} records nothing)
     * @param clock         the time events carry
     * @param settings      trunk, caller ID, dial rules, announcement and callback timings
     */
    public CallControl(SipStack stack, RepBindings bindings, DigestAuthenticator authenticator, TrunkPolicy trunkPolicy,
            EventPublisher publisher, Supplier<Classifier> classifier, Supplier<RoutingModel> model,
            LongSupplier callIds, CallOwnership ownership, CallMedia media, CallRecordings recordings, Clock clock,
            CallControlSettings settings) {
        this(stack, bindings, authenticator, null, trunkPolicy, publisher, classifier, model, callIds, ownership, media,
                recordings, clock, settings);
    }

    /**
     * The same, counting reps' failed INVITE authentications (wrong password, forged or replayed nonce, broken
     * credentials) in {@code defence} per source address and user, as the registrar does; the failure that blocks
     * a source is answered 403, the source's later requests are dropped by the stack's admission check.
     *
     * @param defence the server's one {@link Defence} (shared with the registrar); null counts nothing
     */
    public CallControl(SipStack stack, RepBindings bindings, DigestAuthenticator authenticator, Defence defence,
            TrunkPolicy trunkPolicy, EventPublisher publisher, Supplier<Classifier> classifier,
            Supplier<RoutingModel> model, LongSupplier callIds, CallOwnership ownership, CallMedia media,
            CallRecordings recordings, Clock clock, CallControlSettings settings) {
        this.defence = defence;
        this.stack = Objects.requireNonNull(stack, "stack");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.trunkPolicy = Objects.requireNonNull(trunkPolicy, "trunkPolicy");
        this.callIds = Objects.requireNonNull(callIds, "callIds");
        this.env = new CallEnv(stack, Objects.requireNonNull(bindings, "bindings"),
                Objects.requireNonNull(publisher, "publisher"), Objects.requireNonNull(classifier, "classifier"),
                Objects.requireNonNull(model, "model"), Objects.requireNonNull(ownership, "ownership"),
                Objects.requireNonNull(media, "media"), Objects.requireNonNull(recordings, "recordings"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(settings, "settings"),
                new ConcurrentHashMap<>(), new AtomicLong(clock.millis()), new CallCounters(),
                new AtomicReference<>(RepPresence.EVERYONE));
    }

    /** Registers this as the stack's INVITE handler. */
    public void start() {
        stack.register("INVITE", this);
    }

    /**
     * Who is logged in, for refusing a REFER to a rep who is not (480); until this is called every configured rep
     * counts as logged in.
     */
    public void repPresence(RepPresence presence) {
        env.presence().set(Objects.requireNonNull(presence, "presence"));
    }

    /** Calls live now (waiting, ringing, talking). */
    public int liveCalls() {
        return env.calls().size();
    }

    public CallCounters counters() {
        return env.counters();
    }

    @Override
    public void onCommand(Command command) {
        CallHandle call = env.calls().get(command.callId());
        if (call == null) {
            env.counters().ignoredCommands.increment();
            return;
        }
        call.deliver(command);
    }

    @Override
    public void onRequest(ServerTransaction tx, SipMessage request, InetSocketAddress remote, SipTransport transport) {
        if (remote != null && trunkPolicy.allows(remote.getAddress())) {
            inbound(tx, request);
        } else {
            fromRep(tx, request, remote);
        }
    }

    @Override
    public void onCancelled(ServerTransaction invite, SipMessage cancel) {
        OutboundCall call = dialling.remove(invite);
        if (call != null) {
            call.cancelledByRep();
        }
    }

    // ---- inbound ------------------------------------------------------------------------------------------------

    private void inbound(ServerTransaction tx, SipMessage request) {
        String dialled = Sip.dialled(request);
        Line line = lineFor(env.model().get(), dialled);
        if (line == null) {
            refuse(tx, 404, "Not Found: no line has number " + dialled);
            return;
        }
        SessionDescription offer;
        try {
            offer = Sip.sdpOf(request);
        } catch (SdpException e) {
            refuse(tx, e.sipStatus(), e.getMessage());
            return;
        }
        if (offer == null) {
            refuse(tx, 488, "Not Acceptable Here: an SDP offer is required");
            return;
        }
        TransactionLayer layer = tx.context().layer();
        EventLoop loop = stack.eventLoopOf(layer);
        env.media().endpoints().open(loop).whenComplete((endpoint, error) -> onLoop(loop, () -> {
            if (error != null) {
                env.counters().rtpPortShortages.increment();
                refuseBusy(tx, "Service Unavailable: " + error.getMessage());
                return;
            }
            if (!stillProceeding(tx)) {
                endpoint.close(); // cancelled while the port was being bound
                return;
            }
            accept(tx, request, line, offer, endpoint, layer, loop);
        }));
    }

    private void accept(ServerTransaction tx, SipMessage request, Line line, SessionDescription offer,
            RtpEndpoint endpoint, TransactionLayer layer, EventLoop loop) {
        SdpNegotiator sdp = env.negotiator();
        Negotiation negotiation;
        try {
            negotiation = sdp.answer(offer, endpoint.localPort(), MediaDirection.SENDRECV);
        } catch (SdpException e) {
            endpoint.close();
            refuse(tx, e.sipStatus(), e.getMessage());
            return;
        }
        long callId = callIds.getAsLong();
        long now = env.now();
        String caller = Sip.caller(request);
        CallClassified classified = null;
        try {
            // with a menu the queue is the caller's choice: classified once chosen
            if (line.menu() == null) {
                classified = env.classifier().get().classify(now, callId, line, caller);
            }
        } catch (RuntimeException e) {
            endpoint.close();
            refuse(tx, 500, "Server Internal Error: " + e.getMessage());
            return;
        }
        env.ownership().claim(callId);
        // Known before its first event is published: the router answers CallClassified with an OfferCall on its own
        // thread at once, and a command for a call not yet in the map would be dropped (the caller then waits for
        // ever). Commands delivered before answer() runs wait on this loop behind it.
        InboundCall call = new InboundCall(env, callId, caller, line, layer, loop, endpoint, sdp);
        env.calls().put(callId, call);
        if (!env.publisher().tryPublish(new CallArrived(now, callId, Direction.INBOUND, line.id(), caller,
                line.number(), null))) {
            env.calls().remove(callId, call);
            env.ownership().release(callId);
            endpoint.close();
            refuse(tx, 503, "Service Unavailable: the router is saturated");
            return;
        }
        if (classified != null) {
            env.publish(classified);
        }
        env.counters().inbound.increment();
        call.answer(tx, negotiation);
    }

    /** The line whose number has the same digits as the dialled one, or null. */
    static Line lineFor(RoutingModel model, String dialled) {
        if (model == null || dialled == null) {
            return null;
        }
        String digits = CustomerDirectory.digits(dialled);
        if (digits.isEmpty()) {
            return null;
        }
        return model.lines().stream().filter(l -> CustomerDirectory.digits(l.number()).equals(digits))
                .findFirst().orElse(null);
    }

    // ---- outbound -----------------------------------------------------------------------------------------------

    private void fromRep(ServerTransaction tx, SipMessage request, InetSocketAddress remote) {
        AuthOutcome outcome = authenticator.authenticate(request, ChallengeKind.PROXY);
        switch (outcome.status()) {
            case NO_CREDENTIALS -> {
                if (lineFor(env.model().get(), Sip.dialled(request)) != null) {
                    refuse(tx, 403, "Forbidden: " + (remote == null ? "the source" : remote.getAddress()
                            .getHostAddress()) + " is not an allowed trunk source");
                } else {
                    tx.respond(authenticator.challenge(request, ChallengeKind.PROXY, false));
                }
            }
            case STALE -> tx.respond(authenticator.challenge(request, ChallengeKind.PROXY, true));
            case FAILED, MALFORMED -> authenticationFailed(tx, request, remote, outcome);
            case AUTHENTICATED -> outbound(tx, request, outcome.credential().repId());
        }
    }

    private void authenticationFailed(ServerTransaction tx, SipMessage request, InetSocketAddress remote,
            AuthOutcome outcome) {
        boolean blockedNow = defence != null && remote != null
                && defence.authenticationFailed(remote.getAddress(), outcome.user());
        if (blockedNow) {
            // the transaction needs a final answer; the block is told once, later requests get silence
            refuse(tx, 403, "Forbidden: too many failed authentications");
        } else if (outcome.status() == AuthOutcome.Status.MALFORMED) {
            refuse(tx, 400, "Bad Request: " + outcome.reason());
        } else {
            tx.respond(authenticator.challenge(request, ChallengeKind.PROXY, false));
        }
    }

    private void outbound(ServerTransaction tx, SipMessage request, String repId) {
        String number = Sip.dialled(request);
        if (number == null || number.isEmpty()) {
            refuse(tx, 404, "Not Found: no number in the Request-URI");
            return;
        }
        var refusal = env.settings().dialRules().refusal(number);
        if (refusal.isPresent()) {
            refuse(tx, 403, "Forbidden: " + refusal.get());
            return;
        }
        if (env.bindings().bindingsOf(repId).isEmpty()) {
            refuse(tx, 403, "Forbidden: rep " + repId + " has no registered softphone");
            return;
        }
        if (env.settings().trunk() == null) {
            refuse(tx, 503, "Service Unavailable: no trunk configured for outbound calls");
            return;
        }
        SessionDescription offer;
        try {
            offer = Sip.sdpOf(request);
        } catch (SdpException e) {
            refuse(tx, e.sipStatus(), e.getMessage());
            return;
        }
        if (offer == null) {
            refuse(tx, 488, "Not Acceptable Here: an SDP offer is required");
            return;
        }
        TransactionLayer layer = tx.context().layer();
        EventLoop loop = stack.eventLoopOf(layer);
        OutboundCall call = new OutboundCall(env, tx, repId, number, offer, layer, loop, callIds, dialling);
        dialling.put(tx, call);
        call.start();
    }

    static boolean stillProceeding(ServerTransaction tx) {
        SipMessage last = tx.lastResponse();
        return tx.state() == TransactionState.PROCEEDING && (last == null || last.statusCode() < 200);
    }

    private void refuse(ServerTransaction tx, int status, String reason) {
        env.counters().refused.increment();
        if (stillProceeding(tx)) {
            tx.respond(Sip.response(tx.request(), status, reason));
        }
    }

    /** 503 with Retry-After (RFC 3261 section 21.5.4): our shortage; the caller's side may try again shortly. */
    private void refuseBusy(ServerTransaction tx, String reason) {
        env.counters().refused.increment();
        if (stillProceeding(tx)) {
            tx.respond(serviceUnavailable(tx.request(), reason));
        }
    }

    /** A 503 saying when to try again, for shortages of ours (RTP ports) rather than refusals. */
    static SipMessage serviceUnavailable(SipMessage request, String reason) {
        SipMessage response = Sip.response(request, 503, reason);
        Sip.header(response, "Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return response;
    }

    static void onLoop(EventLoop loop, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}

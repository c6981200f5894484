package dev.acd.sip.registrar;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.time.Clock;
import dev.acd.sip.auth.AuthOutcome;
import dev.acd.sip.auth.ChallengeKind;
import dev.acd.sip.auth.Credential;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.message.SipResponses;
import dev.acd.sip.transaction.ServerTransaction;
import dev.acd.sip.transaction.TransactionScheduler;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.MinExpires;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import javax.sip.InvalidArgumentException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * The registrar (RFC 3261 section 10.3): authenticates REGISTER with digest, checks the address-of-record is the
 * authenticated user's, and adds, refreshes and removes the bindings of the user's rep; answers 200 listing every
 * binding of the user with its remaining seconds. A rep's first binding publishes {@code RepReachable}, its last
 * one going (un-register, expiry, failed pings) {@code RepUnreachable}.
 *
 * <p>Threading: {@link #onRegister} runs on the event loop of the REGISTER's server transaction and answers on
 * it; expiry timers and pings run on the scheduler given here; {@link #bindingsOf} may be called from anywhere.
 * State is behind one lock held for map operations only.
 */
public final class Registrar implements AutoCloseable {
    private final RegistrarSettings settings;
    private final DigestAuthenticator authenticator;
    private final Defence defence;
    private final Clock clock;
    private final BindingTable table;
    private final OptionsPings pings;
    private final LongAdder dropped = new LongAdder();

    /**
     * @param scheduler the thread binding expiry and pings run on (in production an {@code EventLoopScheduler})
     * @param publisher where reachability events go; a publish may wait for room, so the lock keeps their order
     */
    public Registrar(RegistrarSettings settings, DigestAuthenticator authenticator, Defence defence,
            RequestSender sender, TransactionScheduler scheduler, Clock clock, EventPublisher publisher) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.defence = Objects.requireNonNull(defence, "defence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.table = new BindingTable(settings, Objects.requireNonNull(scheduler, "scheduler"), clock,
                Objects.requireNonNull(publisher, "publisher"));
        this.pings = new OptionsPings(table, Objects.requireNonNull(sender, "sender"), scheduler,
                settings.pingIntervalMs());
    }

    /** Starts the OPTIONS pings (when the settings have an interval). */
    public void start() {
        pings.start();
    }

    /** Stops the pings and the expiry timers; the bindings stay readable. */
    @Override
    public void close() {
        pings.stop();
        table.close();
    }

    /**
     * Handles a REGISTER that created {@code tx}. {@code remote} is where it came from (received address and port,
     * the flow to reach a phone behind NAT) and {@code transport} what it came over. A request from a blocked source
     * is dropped without an answer (the UA core should ask {@link Defence#admit} before making a transaction).
     */
    public void onRegister(ServerTransaction tx, SipMessage request, InetSocketAddress remote, SipTransport transport) {
        if (!"REGISTER".equals(request.method())) {
            throw new IllegalArgumentException("the registrar takes REGISTER only, not " + request);
        }
        if (!defence.admit(remote.getAddress())) {
            dropped.increment();
            return;
        }
        AuthOutcome outcome = authenticator.authenticate(request, ChallengeKind.WWW);
        switch (outcome.status()) {
            case NO_CREDENTIALS -> tx.respond(authenticator.challenge(request, ChallengeKind.WWW, false));
            case STALE -> tx.respond(authenticator.challenge(request, ChallengeKind.WWW, true));
            case FAILED, MALFORMED -> failed(tx, request, remote, outcome);
            case AUTHENTICATED -> register(tx, request, remote, transport, outcome.credential());
        }
    }

    /** The current bindings of a rep's softphones (every user name of the rep), for call control; may be empty. */
    public List<Binding> bindingsOf(String repId) {
        return table.bindingsOf(repId);
    }

    /** Bindings held now, over all reps. */
    public int bindingCount() {
        return table.size();
    }

    /** REGISTERs dropped because their source was blocked, since start. */
    public long droppedRequests() {
        return dropped.sum();
    }

    /** OPTIONS pings sent, since start. */
    public long pingsSent() {
        return pings.sent();
    }

    /** OPTIONS pings that got no answer (or could not be sent), since start. */
    public long pingsMissed() {
        return pings.missed();
    }

    public RegistrarSettings settings() {
        return settings;
    }

    private void failed(ServerTransaction tx, SipMessage request, InetSocketAddress remote, AuthOutcome outcome) {
        boolean blockedNow = defence.authenticationFailed(remote.getAddress(), outcome.user());
        if (blockedNow) {
            // the transaction needs a final answer; the block is told once, later requests get silence
            tx.respond(SipResponses.create(request, 403, null));
        } else if (outcome.status() == AuthOutcome.Status.MALFORMED) {
            tx.respond(SipResponses.create(request, 400, "Bad Request: " + outcome.reason()));
        } else {
            tx.respond(authenticator.challenge(request, ChallengeKind.WWW, false));
        }
    }

    private void register(ServerTransaction tx, SipMessage request, InetSocketAddress remote, SipTransport transport,
            Credential credential) {
        String toUser = userOf(request.raw().getTo());
        String fromUser = userOf(request.raw().getFrom());
        if (!credential.user().equals(toUser) || !credential.user().equals(fromUser)) {
            tx.respond(SipResponses.create(request, 403, "Forbidden: To and From must be the authenticated user "
                    + credential.user()));
            return;
        }
        ContactRequest contacts = ContactRequest.read(request, settings);
        if (contacts.refusal() != null) {
            tx.respond(refusal(request, contacts.refusal()));
            return;
        }
        BindingTable.Update update = table.register(credential.repId(), credential.user(), contacts,
                request.callId(), request.cseqNumber(), remote, transport);
        if (update.outOfOrder() != null) {
            tx.respond(SipResponses.create(request, 500, "Server Internal Error: " + update.outOfOrder()));
            return;
        }
        SipMessage ok = SipResponses.create(request, 200, null);
        for (Contact contact : update.current()) {
            ok.raw().addHeader(contact);
        }
        tx.respond(ok);
    }

    private static SipMessage refusal(SipMessage request, ContactRequest.Refusal refusal) {
        SipMessage response = SipResponses.create(request, refusal.statusCode(),
                (refusal.statusCode() == 423 ? "Interval Too Brief: " : "Bad Request: ") + refusal.reason());
        if (refusal.statusCode() == 423) {
            MinExpires minExpires = new MinExpires();
            try {
                minExpires.setExpires(refusal.minExpires());
            } catch (InvalidArgumentException e) {
                throw new IllegalStateException("Min-Expires " + refusal.minExpires(), e);
            }
            response.raw().addHeader(minExpires);
        }
        return response;
    }

    private static String userOf(javax.sip.header.HeaderAddress header) {
        if (header == null || header.getAddress() == null) {
            return null;
        }
        URI uri = header.getAddress().getURI();
        return uri instanceof SipURI sip ? sip.getUser() : null;
    }
}

package dev.acd.sipserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;

import dev.acd.config.SipSettings;
import dev.acd.config.SoftphoneCredentials;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.time.Clock;
import dev.acd.sip.auth.DigestAuthenticator;
import dev.acd.sip.defence.Defence;
import dev.acd.sip.defence.TrunkPolicy;
import dev.acd.sip.media.RtpEndpoints;
import dev.acd.sip.media.RtpPortPool;
import dev.acd.sip.registrar.Registrar;
import dev.acd.sip.transaction.EventLoopScheduler;
import dev.acd.sip.transaction.TransactionCounts;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.TransportCounters;
import dev.acd.sip.ua.SipStack;

/**
 * The running SIP server: the stack listening where {@code sip:} says, the defence asked before any transaction is
 * made, the registrar on REGISTER with the configured softphone credentials (reachability and blocks go to the
 * server's events, so they are journaled), and INVITEs routed to the echo test line or to call control. Close it to
 * stop pings and listeners.
 */
public final class SipService implements AutoCloseable {
    private final SipSettings settings;
    private final SipStack stack;
    private final Defence defence;
    private final Registrar registrar;
    private final InviteRouting invites;
    private final EchoLine echo;
    private final TrunkPolicy trunk;
    private final String realm;
    private final DigestAuthenticator authenticator;
    private final RtpEndpoints rtp;
    private final InetAddress advertised;

    private SipService(SipSettings settings, SoftphoneCredentials credentials, EventPublisher journaled,
                       Clock clock) {
        EventPublisher events = new LoggedEvents(journaled);
        this.settings = settings;
        this.realm = credentials.realm();
        this.trunk = TrunkPolicy.of(settings.trunk().allowedSources());
        this.defence = new Defence(GatewaySettings.defence(settings), clock, events);
        this.advertised = GatewaySettings.advertised(settings);
        this.stack = SipStack.start(GatewaySettings.transports(settings), GatewaySettings.timers(settings),
                new SipStack.Options(advertised, defence::admit));
        try {
            this.authenticator = new DigestAuthenticator(GatewaySettings.digest(settings),
                    new ConfiguredCredentials(credentials), clock);
            this.registrar = new Registrar(GatewaySettings.registrar(settings), authenticator, defence,
                    new StackRequestSender(stack), new EventLoopScheduler(stack.transports().nextLoop()), clock, events);
            stack.register("REGISTER", registrar::onRegister);
            registrar.start();
            this.rtp = new RtpEndpoints(
                    new RtpPortPool(settings.media().rtpPortFirst(), settings.media().rtpPortLast()),
                    GatewaySettings.literal(settings.bind()),
                    stack.transports().nativeEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class,
                    GatewaySettings.media(settings));
            this.echo = settings.testExtension() == null ? null : new EchoLine(stack.core(), rtp,
                    () -> stack.transports().nextLoop(), advertised, settings.testExtensionRingMs());
            this.invites = new InviteRouting(settings.testExtension(), echo);
            stack.register("INVITE", invites);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts SIP on {@code settings}: binds the listeners (failing with the address when one is taken), starts the
     * registrar's pings. Reachability ({@code RepReachable}, {@code RepUnreachable}) and {@code SourceBlocked} go to
     * {@code events}.
     */
    public static SipService start(SipSettings settings, SoftphoneCredentials credentials, EventPublisher events,
                                   Clock clock) {
        return new SipService(settings, credentials, events, clock);
    }

    public SipStack stack() {
        return stack;
    }

    public Registrar registrar() {
        return registrar;
    }

    public Defence defence() {
        return defence;
    }

    /** The trunk allow-list, for call control: INVITEs from the trunk side from other sources get 403. */
    public TrunkPolicy trunk() {
        return trunk;
    }

    /** Where INVITEs go; call control plugs in here with {@link InviteRouting#callControl}. */
    public InviteRouting invites() {
        return invites;
    }

    public SipSettings settings() {
        return settings;
    }

    /** Checks reps' digest credentials; call control challenges their INVITEs with it (407). */
    public DigestAuthenticator authenticator() {
        return authenticator;
    }

    /** RTP endpoints from the configured port range, on the stack's event loops. */
    public RtpEndpoints rtp() {
        return rtp;
    }

    /** The address our SDP and Contact headers carry. */
    public InetAddress advertised() {
        return advertised;
    }

    /** The UDP address bound (port resolved), or null when UDP is off. */
    public InetSocketAddress udpAddress() {
        return settings.udp() ? stack.boundAddress(SipTransport.UDP) : null;
    }

    /** The TCP address bound (port resolved), or null when TCP is off. */
    public InetSocketAddress tcpAddress() {
        return settings.tcp() ? stack.boundAddress(SipTransport.TCP) : null;
    }

    /** What {@code acd run} prints: where SIP listens and how to point a softphone at it. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        SipTransport main = settings.udp() ? SipTransport.UDP : SipTransport.TCP;
        InetSocketAddress advertised = stack.localAddress(main);
        StringBuilder listen = new StringBuilder("SIP        ");
        if (settings.udp()) {
            listen.append("udp ").append(hostPort(udpAddress()));
        }
        if (settings.tcp()) {
            listen.append(settings.udp() ? ", " : "").append("tcp ").append(hostPort(tcpAddress()));
        }
        listen.append(" (contact address ").append(advertised.getAddress().getHostAddress()).append(')');
        lines.add(listen.toString());
        lines.add(String.format("softphone  user <softphone user>, password demo-<user> in the demo (e.g. ava.chen / "
                + "demo-ava.chen), realm %s, registrar %s:%d", realm, advertised.getAddress().getHostAddress(),
                advertised.getPort()));
        if (settings.testExtension() != null) {
            lines.add(String.format("test line  dial sip:%s@%s:%d (answers and echoes your audio)",
                    settings.testExtension(), advertised.getAddress().getHostAddress(), advertised.getPort()));
        }
        return lines;
    }

    /** The configured bind address (a wildcard socket reports itself as IPv6 "::") with the port bound. */
    private String hostPort(InetSocketAddress address) {
        return settings.bind() + ":" + address.getPort();
    }

    /**
     * Binds the SIP meters: transport counters, requests and responses handed to the transactions, live dialogs,
     * registrar bindings and pings, defence failures, blocks and dropped requests, test-line calls, transactions (live,
     * started, timed out) and error responses sent, RTP packets received, sent, lost, late and ignored.
     */
    public void bindTo(MeterRegistry registry) {
        TransportCounters transport = stack.transports().counters();
        counter(registry, "acd.sip.transport.received", "well-formed SIP messages read", transport,
                TransportCounters::received);
        counter(registry, "acd.sip.transport.malformed.answered", "malformed requests answered 400 or 513", transport,
                TransportCounters::answeredMalformed);
        counter(registry, "acd.sip.transport.dropped", "messages neither usable nor answerable", transport,
                TransportCounters::dropped);
        counter(registry, "acd.sip.transport.errors", "unexpected errors caught in the SIP pipelines", transport,
                TransportCounters::errors);
        counter(registry, "acd.sip.requests.received", "requests handed to the transactions", stack,
                SipStack::requestsReceived);
        counter(registry, "acd.sip.responses.received", "responses handed to the transactions", stack,
                SipStack::responsesReceived);
        counter(registry, "acd.sip.requests.refused", "requests dropped because their source is blocked", stack,
                SipStack::requestsRefused);
        bindTransactions(registry);
        bindRtp(registry);
        Gauge.builder("acd.sip.dialogs", stack, s -> s.core().dialogCount())
                .description("live SIP dialogs, early and confirmed").register(registry);
        Gauge.builder("acd.sip.registrar.bindings", registrar, Registrar::bindingCount)
                .description("softphone registrations held").register(registry);
        counter(registry, "acd.sip.registrar.pings.sent", "OPTIONS pings sent to registered phones", registrar,
                Registrar::pingsSent);
        counter(registry, "acd.sip.registrar.pings.missed", "OPTIONS pings left unanswered", registrar,
                Registrar::pingsMissed);
        counter(registry, "acd.sip.defence.failed.authentications", "failed digest authentications", defence,
                Defence::failedAuthentications);
        counter(registry, "acd.sip.defence.dropped.requests", "requests dropped from blocked sources", defence,
                Defence::droppedRequests);
        Gauge.builder("acd.sip.defence.blocked.sources", defence, Defence::blockedSources)
                .description("source addresses blocked now").register(registry);
        if (echo != null) {
            counter(registry, "acd.sip.test.line.answered", "calls the echo test line answered", echo,
                    EchoLine::answered);
            Gauge.builder("acd.sip.test.line.calls", echo, EchoLine::live)
                    .description("calls on the echo test line now").register(registry);
        }
    }

    /** Transactions live and started per kind, timeouts, and error responses we sent per status class. */
    private void bindTransactions(MeterRegistry registry) {
        Gauge.builder("acd.sip.transactions", stack, s -> s.transactionCounts().liveServer()).tag("kind", "server")
                .description("live SIP transactions").register(registry);
        Gauge.builder("acd.sip.transactions", stack, s -> s.transactionCounts().liveClient()).tag("kind", "client")
                .description("live SIP transactions").register(registry);
        FunctionCounter.builder("acd.sip.transactions.started", stack, s -> s.transactionCounts().serverStarted())
                .tag("kind", "server").description("SIP transactions created").register(registry);
        FunctionCounter.builder("acd.sip.transactions.started", stack, s -> s.transactionCounts().clientStarted())
                .tag("kind", "client").description("SIP transactions created").register(registry);
        counter(registry, "acd.sip.transactions.timeouts", "transactions that timed out: no final response (Timer B "
                + "or F) or no ACK for our error response (Timer H)", stack, s -> s.transactionCounts().timedOut());
        errorResponses(registry, "4xx", c -> c.sent4xx());
        errorResponses(registry, "5xx", c -> c.sent5xx());
        errorResponses(registry, "6xx", c -> c.sent6xx());
    }

    private void errorResponses(MeterRegistry registry, String statusClass,
                                java.util.function.ToLongFunction<TransactionCounts> count) {
        FunctionCounter.builder("acd.sip.responses.errors.sent", stack,
                        s -> count.applyAsLong(s.transactionCounts()))
                .tag("class", statusClass).description("final error responses our server transactions sent "
                        + "(4xx includes digest challenges)").register(registry);
    }

    /** RTP over every endpoint the server opened (call control's legs and the test line), closed ones included. */
    private void bindRtp(MeterRegistry registry) {
        counter(registry, "acd.rtp.packets.received", "valid RTP packets received", rtp,
                r -> r.totals().packetsIn());
        counter(registry, "acd.rtp.packets.sent", "RTP packets sent", rtp, r -> r.totals().packetsOut());
        counter(registry, "acd.rtp.packets.lost", "RTP packets missing by sequence gaps (RFC 3550 A.3)", rtp,
                r -> r.totals().lost());
        counter(registry, "acd.rtp.packets.late", "RTP packets that came after a later one", rtp,
                r -> r.totals().late());
        counter(registry, "acd.rtp.packets.ignored", "datagrams on RTP ports that were not RTP or came from a stranger",
                rtp, r -> r.totals().ignored());
        Gauge.builder("acd.rtp.endpoints", rtp, r -> r.totals().open())
                .description("RTP endpoints open now (one per call leg)").register(registry);
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T source,
                                    java.util.function.ToLongFunction<T> count) {
        FunctionCounter.builder(name, source, s -> count.applyAsLong(s)).description(description).register(registry);
    }

    @Override
    public void close() {
        registrar.close();
        stack.close();
    }

    @Override
    public String toString() {
        return "SIP on " + settings.bind() + ":" + settings.port();
    }
}

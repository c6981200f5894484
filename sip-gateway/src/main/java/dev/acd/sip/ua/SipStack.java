package dev.acd.sip.ua;

import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transaction.ClientTransactionUser;
import dev.acd.sip.transaction.TimerSettings;
import dev.acd.sip.transaction.TransactionDispatcher;
import dev.acd.sip.transaction.TransactionLayer;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.SipTransports;
import dev.acd.sip.transport.TransportSettings;
import dev.acd.sip.transport.IncomingMessage;
import dev.acd.sip.transport.SipMessageListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import javax.sip.address.Address;
import javax.sip.address.URI;

/**
 * A running SIP user agent: the transports, one transaction layer per event loop and the {@link UserAgentCore} on
 * top. Register method handlers, place calls and send requests; build messages with {@link #newRequest} or the
 * JAIN-SIP factories in {@link dev.acd.sip.dialog.SipFactories}. Thread-safe; close once.
 */
public final class SipStack implements AutoCloseable {
    private final UserAgentCore core;
    private final TransactionDispatcher dispatcher;
    private final Options options;
    private final LongAdder requestsReceived = new LongAdder();
    private final LongAdder responsesReceived = new LongAdder();
    private final LongAdder requestsRefused = new LongAdder();
    private volatile SipTransports transports;

    /**
     * How a server runs the stack, beyond where it listens.
     *
     * @param advertised what our Via, Contact and From name in place of the bound address (a server bound to 0.0.0.0
     *                   or behind NAT), keeping the bound port; null for the bound address
     * @param admission  asked with the source of every request before a transaction is made for it; false drops the
     *                   request unanswered and counts it (blocked sources, see {@code Defence.admit})
     */
    public record Options(InetAddress advertised, Predicate<InetAddress> admission) {
        /** The bound address, every source admitted. */
        public static final Options DEFAULTS = new Options(null, source -> true);

        public Options {
            Objects.requireNonNull(admission, "admission");
        }
    }

    private SipStack(TimerSettings timers, Set<String> supported, Options options) {
        this.core = new UserAgentCore(new Network(), supported);
        this.dispatcher = new TransactionDispatcher(timers, core);
        this.options = options;
    }

    /**
     * Binds the transports and starts the stack. Requests go out over UDP from the first UDP address and over TCP
     * from the first TCP address's host; both must be configured for both transports to be usable.
     */
    public static SipStack start(TransportSettings settings, TimerSettings timers) {
        return start(settings, timers, Options.DEFAULTS);
    }

    /** The same with an advertised address and an admission check in front of the transactions. */
    public static SipStack start(TransportSettings settings, TimerSettings timers, Options options) {
        SipStack stack = new SipStack(timers, Set.of(), options);
        stack.transports = SipTransports.start(settings, stack.new Admission());
        return stack;
    }

    /** Requests handed to the transactions, since start (retransmissions included). */
    public long requestsReceived() {
        return requestsReceived.sum();
    }

    /** Responses handed to the transactions, since start. */
    public long responsesReceived() {
        return responsesReceived.sum();
    }

    /** Requests dropped unanswered because {@link Options#admission} refused their source, since start. */
    public long requestsRefused() {
        return requestsRefused.sum();
    }

    /** The transactions live now and counted since start, over every event loop; from any thread. */
    public dev.acd.sip.transaction.TransactionCounts transactionCounts() {
        return dispatcher.counts();
    }

    /** Routes out-of-dialog requests of {@code method} to {@code handler} (e.g. {@code registrar::onRegister}). */
    public void register(String method, RequestHandler handler) {
        core.register(method, handler);
    }

    public UserAgentCore core() {
        return core;
    }

    public SipTransports transports() {
        return transports;
    }

    /** The transaction layer of the next event loop, round robin: where a call we place will live. */
    public TransactionLayer nextLayer() {
        return dispatcher.layer(transports.nextLoop());
    }

    /**
     * The event loop {@code layer} runs on: where media of a call living on that layer must be opened, so the
     * call and its legs stay on one loop.
     *
     * @throws IllegalArgumentException when the layer is not one of this stack's
     */
    public io.netty.channel.EventLoop eventLoopOf(TransactionLayer layer) {
        io.netty.channel.EventLoop loop = dispatcher.eventLoopOf(layer);
        if (loop == null) {
            throw new IllegalArgumentException("transaction layer " + layer + " does not belong to this stack");
        }
        return loop;
    }

    /** Places a call: {@code invite} from {@link #newRequest}, sent to its Route or Request-URI. */
    public ClientInvite invite(SipMessage invite, SipTransport transport, InviteListener listener) {
        return core.invite(nextLayer(), invite, UserAgentCore.hopFor(invite, transport), listener);
    }

    /** Places a call through {@code hop} (an outbound proxy or a trunk) whatever the Request-URI says. */
    public ClientInvite invite(SipMessage invite, NextHop hop, InviteListener listener) {
        return core.invite(nextLayer(), invite, hop, listener);
    }

    /** Sends a non-INVITE request out of dialog to {@code hop}. */
    public void send(SipMessage request, NextHop hop, ClientTransactionUser user) {
        core.send(nextLayer(), request, hop, user);
    }

    /** See {@link UserAgentCore#newRequest}. */
    public SipMessage newRequest(String method, URI requestUri, Address from, Address to, SipTransport transport) {
        return core.newRequest(method, requestUri, from, to, transport);
    }

    /** Our Via and Contact address on {@code transport}: the advertised address, if any, with the bound port. */
    public InetSocketAddress localAddress(SipTransport transport) {
        InetSocketAddress bound = boundAddress(transport);
        return options.advertised() == null ? bound : new InetSocketAddress(options.advertised(), bound.getPort());
    }

    /** The address and port {@code transport} is bound on (port 0 resolved). */
    public InetSocketAddress boundAddress(SipTransport transport) {
        return transport == SipTransport.UDP ? transports.udpAddress(0) : transports.tcpAddress(0);
    }

    /** Our Contact on {@code transport}. */
    public Address contact(SipTransport transport) {
        return core.contact(transport);
    }

    @Override
    public void close() {
        transports.close();
    }

    /** Asks the admission check before a request reaches the transactions; counts what passes. On the event loop. */
    private final class Admission implements SipMessageListener {
        @Override
        public void onMessage(IncomingMessage in) {
            if (in.message().isRequest()) {
                if (!options.admission().test(in.remote().getAddress())) {
                    requestsRefused.increment();
                    return;
                }
                requestsReceived.increment();
            } else {
                responsesReceived.increment();
            }
            dispatcher.onMessage(in);
        }
    }

    private final class Network implements SipNetwork {
        @Override
        public InetSocketAddress localAddress(SipTransport transport) {
            return SipStack.this.localAddress(transport);
        }

        @Override
        public void send(SipTransport transport, InetSocketAddress remote, SipMessage message) {
            transports.send(transport, remote, message);
        }

        @Override
        public String newCallId(String host) {
            return transports.newCallId(host);
        }
    }
}

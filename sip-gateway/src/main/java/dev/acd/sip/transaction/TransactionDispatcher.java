package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transport.IncomingMessage;
import dev.acd.sip.transport.OutgoingMessage;
import dev.acd.sip.transport.SipMessageListener;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.transport.UdpSockets;
import gov.nist.javax.sip.header.Via;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Connects the transports to the transactions: each event loop gets its own {@link TransactionLayer} with timers on
 * that loop, so a transaction lives and dies on one loop and needs no locks: a request's loop is its Call-ID's home
 * loop over UDP ({@link UdpSockets}) and its connection's loop over TCP; a client transaction's is the loop that
 * sent it. The core
 * is called on the event loop of the message at hand; it must not block.
 */
public final class TransactionDispatcher implements SipMessageListener {
    private static final int DEFAULT_SIP_PORT = 5060;

    private final TimerSettings timers;
    private final TransactionLayer.Core core;
    private final Map<EventLoop, TransactionLayer> layers = new ConcurrentHashMap<>();
    private final ConcurrentMap<TransactionKey, TransactionLayer> clientOwners = new ConcurrentHashMap<>();

    public TransactionDispatcher(TimerSettings timers, TransactionLayer.Core core) {
        this.timers = timers;
        this.core = core;
    }

    @Override
    public void onMessage(IncomingMessage in) {
        EventLoop here = in.channel().eventLoop();
        SipMessage message = in.message();
        if (message.isRequest()) {
            EventLoop home = homeOf(in);
            if (home == here) {
                layerFor(here).receiveRequest(message, in.transport(), in.remote(), responseSender(in));
            } else {
                try {
                    home.execute(() -> layerFor(home).receiveRequest(message, in.transport(), in.remote(),
                            responseSender(in)));
                } catch (RejectedExecutionException e) {
                    // the stack is closing and the home loop is gone: as good as a datagram lost on the way
                }
            }
            return;
        }
        TransactionLayer layer = layerFor(here);
        // A response comes back on the connection it was sent on, which may belong to another loop than the one
        // whose layer sent the request (a TCP connection opened by another loop): hand it to the owner.
        TransactionLayer owner = layer.ownerOf(message);
        if (owner == null || owner == layer) {
            layer.receiveResponse(message);
        } else {
            owner.execute(() -> owner.receiveResponse(message));
        }
    }

    /**
     * Sends a request in a new client transaction from {@code channel} to {@code remote}; runs on the channel's event
     * loop (hopping there when called from elsewhere). The request's top Via needs a {@link TransactionLayer#newBranch()}.
     */
    public void sendRequest(Channel channel, SipTransport transport, InetSocketAddress remote, SipMessage request,
            ClientTransactionUser user) {
        EventLoop loop = channel.eventLoop();
        Runnable send = () -> layerFor(loop).sendRequest(request, transport.reliable(),
                m -> channel.writeAndFlush(new OutgoingMessage(m, remote)), user);
        if (loop.inEventLoop()) {
            send.run();
        } else {
            loop.execute(send);
        }
    }

    /** The transaction layer of {@code loop}, created on first use. */
    public TransactionLayer layer(EventLoop loop) {
        return layerFor(loop);
    }

    /** The event loop {@code layer} runs on, or null when it is not one of this dispatcher's layers. */
    public EventLoop eventLoopOf(TransactionLayer layer) {
        for (Map.Entry<EventLoop, TransactionLayer> e : layers.entrySet()) {
            if (e.getValue() == layer) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The counts of every layer together; from any thread. */
    public TransactionCounts counts() {
        TransactionCounts total = TransactionCounts.NONE;
        for (TransactionLayer layer : layers.values()) {
            total = total.plus(layer.counts());
        }
        return total;
    }

    private TransactionLayer layerFor(EventLoop loop) {
        return layers.computeIfAbsent(loop, l -> new TransactionLayer(timers, new EventLoopScheduler(l), core,
                task -> {
                    if (l.inEventLoop()) {
                        task.run();
                    } else {
                        l.execute(task);
                    }
                }, clientOwners));
    }

    /**
     * The loop a request is handled on: over UDP the home loop of its Call-ID among the address's sockets, so new
     * calls spread over every loop; over TCP the connection's own loop.
     */
    private static EventLoop homeOf(IncomingMessage in) {
        UdpSockets sockets = in.transport() == SipTransport.UDP ? UdpSockets.of(in.channel()) : null;
        return sockets == null ? in.channel().eventLoop() : sockets.homeOf(in.message().callId());
    }

    /**
     * Where responses to a request go (RFC 3261 section 18.2.2, RFC 3581 section 4): back on the same connection
     * for TCP; over UDP to the source address and, unless rport was asked for, the sent-by port.
     */
    private static MessageSender responseSender(IncomingMessage in) {
        Channel channel = in.channel();
        InetSocketAddress to = in.transport() == SipTransport.UDP && !in.message().rportRequested()
                ? new InetSocketAddress(in.remote().getAddress(), sentByPort(in.message()))
                : in.remote();
        UdpSockets sockets = in.transport() == SipTransport.UDP ? UdpSockets.of(channel) : null;
        if (sockets == null) {
            return m -> channel.writeAndFlush(new OutgoingMessage(m, to));
        }
        // Answer from the socket of the loop that handles the request: same address, no hop to the reading loop.
        return m -> sockets.onCurrentLoop(channel).writeAndFlush(new OutgoingMessage(m, to));
    }

    private static int sentByPort(SipMessage request) {
        Via via = request.raw().getTopmostVia();
        return via.getPort() > 0 ? via.getPort() : DEFAULT_SIP_PORT;
    }
}

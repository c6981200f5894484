package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transport.SipTransport;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The transactions of one event loop: matches incoming requests and responses to them (RFC 3261 sections 17.1.3
 * and 17.2.3), creates server transactions for new requests, creates client transactions for requests we send, and
 * forgets each when it terminates. Runs on one event loop; not thread-safe: code on another thread goes through
 * {@link #execute}. Client transactions are also listed in a map shared by the layers of one dispatcher, so a
 * response that arrives on another loop's connection finds the layer that owns its transaction.
 */
public final class TransactionLayer {
    private final TimerSettings timers;
    private final TransactionScheduler scheduler;
    private final Core core;
    private final Executor executor;
    private final ConcurrentMap<TransactionKey, TransactionLayer> clientOwners;
    private final Map<TransactionKey, ServerTransaction> servers = new HashMap<>();
    private final Map<TransactionKey, ClientTransaction> clients = new HashMap<>();
    private final ServerTransactionUser countingCore;
    // written on the layer's thread only, read by metrics from any thread
    private volatile long serverStarted;
    private volatile long clientStarted;
    private volatile long timedOut;
    private volatile long sent4xx;
    private volatile long sent5xx;
    private volatile long sent6xx;

    /** The layer above: new requests, and what matches no transaction. Called on the layer's thread. */
    public interface Core extends ServerTransactionUser {
        /** A request that created a server transaction; answer it through {@link ServerTransaction#respond}. */
        void onRequest(ServerTransaction transaction, SipMessage request, RequestContext context);

        /** An ACK no server transaction wants: the ACK of a 2xx, which belongs to the dialog (section 13.2.2.4). */
        void onStrayAck(SipMessage ack, RequestContext context);

        /**
         * A response no client transaction wants, such as a retransmitted 2xx to an INVITE (section 13.2.2.4);
         * {@code layer} is the one that read it.
         */
        void onStrayResponse(SipMessage response, TransactionLayer layer);
    }

    /** A layer driven from the calling thread (tests, or a single-threaded owner). */
    public TransactionLayer(TimerSettings timers, TransactionScheduler scheduler, Core core) {
        this(timers, scheduler, core, Runnable::run, new ConcurrentHashMap<>());
    }

    /**
     * @param executor runs a task on the layer's thread: at once when already there, else queued to it
     * @param clientOwners shared by the layers of one dispatcher: which layer owns each client transaction
     */
    public TransactionLayer(TimerSettings timers, TransactionScheduler scheduler, Core core, Executor executor,
            ConcurrentMap<TransactionKey, TransactionLayer> clientOwners) {
        this.timers = timers;
        this.scheduler = scheduler;
        this.core = core;
        this.executor = executor;
        this.clientOwners = clientOwners;
        this.countingCore = new CountingServerUser(core);
    }

    /** Runs {@code task} on this layer's thread: at once when called there, queued otherwise. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** The scheduler of this layer's thread; the UA core runs its own timers (2xx retransmission) on it. */
    public TransactionScheduler scheduler() {
        return scheduler;
    }

    public TimerSettings timers() {
        return timers;
    }

    /** The layer that owns the client transaction a response belongs to, or null when none does. */
    public TransactionLayer ownerOf(SipMessage response) {
        return clientOwners.get(TransactionKey.forResponse(response));
    }

    /** A new branch with the RFC 3261 magic cookie, unique in practice (section 8.1.1.7). */
    public static String newBranch() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return SipMessage.BRANCH_MAGIC_COOKIE + Long.toHexString(random.nextLong() & Long.MAX_VALUE)
                + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }

    /**
     * A well-formed incoming request: a retransmission or ACK goes to its server transaction; anything else creates
     * one and is handed to the core. {@code replyTo} sends towards where the request came from.
     */
    public void receiveRequest(SipMessage request, boolean reliable, MessageSender replyTo) {
        receiveRequest(request, reliable ? SipTransport.TCP : SipTransport.UDP, null, replyTo);
    }

    /**
     * A well-formed incoming request with where it came from: a retransmission or ACK goes to its server
     * transaction; anything else creates one and is handed to the core with its {@link RequestContext}.
     */
    public void receiveRequest(SipMessage request, SipTransport transport, InetSocketAddress remote,
            MessageSender replyTo) {
        boolean reliable = transport.reliable();
        RequestContext context = new RequestContext(transport, remote, replyTo, this);
        TransactionKey key = TransactionKey.forServer(request);
        ServerTransaction existing = servers.get(key);
        boolean ack = "ACK".equals(request.method());
        if (existing != null && !(ack && existing.state() == TransactionState.ACCEPTED)) {
            existing.receiveRequest(request);
            return;
        }
        if (ack) {
            // the ACK of a 2xx is the dialog's even when an old-style peer's ACK matches the accepted INVITE
            core.onStrayAck(request, context);
            return;
        }
        ServerTransaction created;
        serverStarted++;
        if ("INVITE".equals(request.method())) {
            InviteServerTransaction invite = new InviteServerTransaction(request, reliable, timers, scheduler,
                    replyTo, countingCore);
            created = invite;
            created.context(context);
            track(servers, key, created);
            invite.start();
        } else {
            created = new NonInviteServerTransaction(request, reliable, timers, scheduler, replyTo, countingCore);
            track(servers, key, created);
        }
        created.context(context);
        core.onRequest(created, request, context);
    }

    /** A well-formed incoming response: to its client transaction, or to the core when none matches. */
    public void receiveResponse(SipMessage response) {
        ClientTransaction tx = clients.get(TransactionKey.forResponse(response));
        if (tx == null) {
            core.onStrayResponse(response, this);
            return;
        }
        tx.receiveResponse(response);
    }

    /**
     * Sends a request in a new client transaction; the request's top Via must carry a branch from
     * {@link #newBranch()}. An ACK has no transaction: send it directly.
     */
    public ClientTransaction sendRequest(SipMessage request, boolean reliable, MessageSender to,
            ClientTransactionUser user) {
        if (!request.hasRfc3261Branch()) {
            throw new IllegalArgumentException("a request we send needs an RFC 3261 branch: " + request);
        }
        ClientTransactionUser counted = new CountingClientUser(user);
        ClientTransaction tx = "INVITE".equals(request.method())
                ? new InviteClientTransaction(request, reliable, timers, scheduler, to, counted)
                : new NonInviteClientTransaction(request, reliable, timers, scheduler, to, counted);
        if (clients.containsKey(tx.key())) {
            throw new IllegalArgumentException("a client transaction already uses " + tx.key());
        }
        TransactionKey key = tx.key();
        clients.put(key, tx);
        clientStarted++;
        clientOwners.put(key, this);
        tx.onTerminated(t -> {
            clients.remove(key, t);
            clientOwners.remove(key, this);
        });
        tx.start();
        return tx;
    }

    /** The INVITE server transaction a CANCEL refers to (section 9.2), or null when there is none. */
    public ServerTransaction findCancelled(SipMessage cancel) {
        ServerTransaction tx = servers.get(TransactionKey.forCancelled(cancel));
        return tx instanceof InviteServerTransaction ? tx : null;
    }

    /** Live server transactions. */
    public int serverCount() {
        return servers.size();
    }

    /** Live client transactions. */
    public int clientCount() {
        return clients.size();
    }

    /** What this layer did since it was made and holds now; from any thread, possibly a message behind. */
    public TransactionCounts counts() {
        return new TransactionCounts(servers.size(), clients.size(), serverStarted, clientStarted, timedOut, sent4xx,
                sent5xx, sent6xx);
    }

    private static <T extends Transaction> void track(Map<TransactionKey, T> map, TransactionKey key, T tx) {
        map.put(key, tx);
        tx.onTerminated(t -> map.remove(key, t));
    }

    /** The core as server transactions see it, counting error responses and Timer H on the way through. */
    private final class CountingServerUser implements ServerTransactionUser {
        private final ServerTransactionUser core;

        CountingServerUser(ServerTransactionUser core) {
            this.core = core;
        }

        @Override
        public void onSending(ServerTransaction transaction, SipMessage response) {
            int status = response.statusCode();
            if (status >= 600) {
                sent6xx++;
            } else if (status >= 500) {
                sent5xx++;
            } else if (status >= 400) {
                sent4xx++;
            }
            core.onSending(transaction, response);
        }

        @Override
        public void onTimeout(ServerTransaction transaction) {
            timedOut++;
            core.onTimeout(transaction);
        }
    }

    /** A client transaction's user, counting Timer B and F on the way through. */
    private final class CountingClientUser implements ClientTransactionUser {
        private final ClientTransactionUser user;

        CountingClientUser(ClientTransactionUser user) {
            this.user = user;
        }

        @Override
        public void onResponse(ClientTransaction transaction, SipMessage response) {
            user.onResponse(transaction, response);
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
            timedOut++;
            user.onTimeout(transaction);
        }
    }
}

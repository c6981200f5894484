package dev.acd.sip.transaction;

import dev.acd.sip.message.SipMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The transactions of one event loop: matches incoming requests and responses to them (RFC 3261 sections 17.1.3
 * and 17.2.3), creates server transactions for new requests, creates client transactions for requests we send, and
 * forgets each when it terminates. Runs on one event loop; not thread-safe.
 */
public final class TransactionLayer {
    private final TimerSettings timers;
    private final TransactionScheduler scheduler;
    private final Core core;
    private final Map<TransactionKey, ServerTransaction> servers = new HashMap<>();
    private final Map<TransactionKey, ClientTransaction> clients = new HashMap<>();

    /** The layer above: new requests, and what matches no transaction. */
    public interface Core extends ServerTransactionUser {
        /** An ACK no server transaction wants: the ACK of a 2xx, which belongs to the dialog (section 13.2.2.4). */
        void onStrayAck(SipMessage ack, MessageSender replyTo);

        /** A response no client transaction wants, such as a retransmitted 2xx to an INVITE (section 13.2.2.4). */
        void onStrayResponse(SipMessage response);
    }

    public TransactionLayer(TimerSettings timers, TransactionScheduler scheduler, Core core) {
        this.timers = timers;
        this.scheduler = scheduler;
        this.core = core;
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
        TransactionKey key = TransactionKey.forServer(request);
        ServerTransaction existing = servers.get(key);
        if (existing != null) {
            existing.receiveRequest(request);
            return;
        }
        if ("ACK".equals(request.method())) {
            core.onStrayAck(request, replyTo);
            return;
        }
        ServerTransaction created;
        if ("INVITE".equals(request.method())) {
            InviteServerTransaction invite = new InviteServerTransaction(request, reliable, timers, scheduler,
                    replyTo, core);
            created = invite;
            track(servers, key, created);
            invite.start();
        } else {
            created = new NonInviteServerTransaction(request, reliable, timers, scheduler, replyTo);
            track(servers, key, created);
        }
        core.onRequest(created, request);
    }

    /** A well-formed incoming response: to its client transaction, or to the core when none matches. */
    public void receiveResponse(SipMessage response) {
        ClientTransaction tx = clients.get(TransactionKey.forResponse(response));
        if (tx == null) {
            core.onStrayResponse(response);
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
        ClientTransaction tx = "INVITE".equals(request.method())
                ? new InviteClientTransaction(request, reliable, timers, scheduler, to, user)
                : new NonInviteClientTransaction(request, reliable, timers, scheduler, to, user);
        if (clients.containsKey(tx.key())) {
            throw new IllegalArgumentException("a client transaction already uses " + tx.key());
        }
        track(clients, tx.key(), tx);
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

    private static <T extends Transaction> void track(Map<TransactionKey, T> map, TransactionKey key, T tx) {
        map.put(key, tx);
        tx.onTerminated(t -> map.remove(key, t));
    }
}

package dev.acd.sip.registrar;

import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.core.time.Clock;
import dev.acd.sip.transaction.TransactionScheduler;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.header.Contact;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sip.address.URI;

/**
 * The bindings of every rep, their expiry timers, and the reachability events their coming and going cause: a rep
 * is reachable from its first binding to its last. Thread-safe: one lock; events are published under it so that a
 * rep's reachable/unreachable events keep their order. Expiry timers run on the scheduler's thread.
 */
final class BindingTable {
    static final String UNREGISTERED = "unregistered";
    static final String EXPIRED = "expired";
    static final String PING_TIMEOUT = "ping-timeout";

    /** One binding and its mutable state; guarded by the table's lock. */
    static final class Entry {
        final String repId;
        final String user;
        final URI uri;
        final long registeredAt;
        Contact contact;
        InetSocketAddress source;
        SipTransport transport;
        long expiresAt;
        String callId;
        long cseq;
        TransactionScheduler.Cancellable expiry;
        boolean pingOutstanding;
        int pingMisses;

        Entry(String repId, String user, URI uri, long registeredAt) {
            this.repId = repId;
            this.user = user;
            this.uri = uri;
            this.registeredAt = registeredAt;
        }

        Binding snapshot() {
            return new Binding(repId, user, uri.toString(), source, transport, registeredAt, expiresAt, callId, cseq);
        }
    }

    /** A binding to ping and where, read under the lock. */
    record PingTarget(Entry entry, URI uri, InetSocketAddress source, SipTransport transport) {
    }

    /** The result of a REGISTER: the user's bindings afterwards, or why the update was aborted. */
    record Update(List<Contact> current, String outOfOrder) {
    }

    private final RegistrarSettings settings;
    private final TransactionScheduler scheduler;
    private final Clock clock;
    private final EventPublisher publisher;
    private final Map<String, List<Entry>> byRep = new HashMap<>();
    private int count;

    BindingTable(RegistrarSettings settings, TransactionScheduler scheduler, Clock clock, EventPublisher publisher) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Applies a REGISTER's contacts for {@code user} (RFC 3261 section 10.3 steps 7 and 8): all or nothing, so a
     * Call-ID/CSeq out of order for any contact aborts the whole update.
     */
    synchronized Update register(String repId, String user, ContactRequest request, String callId, long cseq,
            InetSocketAddress source, SipTransport transport) {
        long now = clock.millis();
        List<Entry> mine = entriesOf(repId, user);
        String outOfOrder = checkOrder(mine, request, callId, cseq);
        if (outOfOrder != null) {
            return new Update(null, outOfOrder);
        }
        int before = countOf(repId);
        String firstAdded = null;
        if (request.wildcard()) {
            for (Entry entry : mine) {
                detach(entry);
            }
        }
        for (ContactRequest.Requested wanted : request.contacts()) {
            Entry existing = find(repId, user, wanted.uri());
            if (wanted.expiresSeconds() == 0) {
                if (existing != null) {
                    detach(existing);
                }
                continue;
            }
            Entry entry = existing;
            if (entry == null) {
                makeRoom(repId, user);
                entry = new Entry(repId, user, wanted.uri(), now);
                byRep.computeIfAbsent(repId, r -> new ArrayList<>(2)).add(entry);
                count++;
                if (firstAdded == null) {
                    firstAdded = wanted.uri().toString();
                }
            }
            refresh(entry, wanted, now + wanted.expiresSeconds() * 1000L, callId, cseq, source, transport);
        }
        publishTransition(repId, before, firstAdded, UNREGISTERED, now);
        List<Contact> current = new ArrayList<>();
        for (Entry entry : entriesOf(repId, user)) {
            Contact contact = (Contact) entry.contact.clone();
            contact.setExpires(entry.snapshot().remainingSeconds(now));
            current.add(contact);
        }
        return new Update(current, null);
    }

    synchronized List<Binding> bindingsOf(String repId) {
        List<Entry> entries = byRep.get(repId);
        if (entries == null) {
            return List.of();
        }
        List<Binding> out = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            out.add(entry.snapshot());
        }
        return out;
    }

    synchronized int size() {
        return count;
    }

    /** Marks every binding without an unanswered ping as pinged and returns them. */
    synchronized List<PingTarget> claimPingTargets() {
        List<PingTarget> targets = new ArrayList<>();
        for (List<Entry> entries : byRep.values()) {
            for (Entry entry : entries) {
                if (!entry.pingOutstanding) {
                    entry.pingOutstanding = true;
                    targets.add(new PingTarget(entry, entry.uri, entry.source, entry.transport));
                }
            }
        }
        return targets;
    }

    /** The binding answered a ping (any response means the phone is there). */
    synchronized void pingAnswered(Entry entry) {
        entry.pingOutstanding = false;
        entry.pingMisses = 0;
    }

    /** A ping got no answer; past the allowed misses the binding goes. */
    synchronized void pingMissed(Entry entry) {
        entry.pingOutstanding = false;
        entry.pingMisses++;
        if (entry.pingMisses >= settings.pingMaxMisses()) {
            remove(entry, PING_TIMEOUT);
        }
    }

    /** Cancels every expiry timer; the bindings stay readable. */
    synchronized void close() {
        for (List<Entry> entries : byRep.values()) {
            for (Entry entry : entries) {
                cancelExpiry(entry);
            }
        }
    }

    private void expire(Entry entry) {
        synchronized (this) {
            if (!isLive(entry)) {
                return;
            }
            long left = entry.expiresAt - clock.millis();
            if (left > 0) {
                // the scheduler ran early by the clock's measure: wait for the rest
                entry.expiry = scheduler.schedule(left, () -> expire(entry));
                return;
            }
            remove(entry, EXPIRED);
        }
    }

    private void remove(Entry entry, String reason) {
        if (!isLive(entry)) {
            return;
        }
        int before = countOf(entry.repId);
        detach(entry);
        publishTransition(entry.repId, before, null, reason, clock.millis());
    }

    private String checkOrder(List<Entry> mine, ContactRequest request, String callId, long cseq) {
        for (Entry entry : mine) {
            boolean touched = request.wildcard()
                    || request.contacts().stream().anyMatch(c -> entry.uri.equals(c.uri()));
            if (touched && entry.callId.equals(callId) && cseq <= entry.cseq) {
                return "CSeq " + cseq + " is not above " + entry.cseq + " of the binding " + entry.uri
                        + " made with the same Call-ID";
            }
        }
        return null;
    }

    private void refresh(Entry entry, ContactRequest.Requested wanted, long expiresAt, String callId, long cseq,
            InetSocketAddress source, SipTransport transport) {
        Contact contact = (Contact) wanted.contact().clone();
        contact.removeParameter(Contact.EXPIRES);
        entry.contact = contact;
        entry.source = source;
        entry.transport = transport;
        entry.expiresAt = expiresAt;
        entry.callId = callId;
        entry.cseq = cseq;
        entry.pingMisses = 0;
        cancelExpiry(entry);
        entry.expiry = scheduler.schedule(expiresAt - clock.millis(), () -> expire(entry));
    }

    /** Past the per-user limit, the binding of this user expiring first makes way for a new one. */
    private void makeRoom(String repId, String user) {
        List<Entry> mine = entriesOf(repId, user);
        if (mine.size() < settings.maxContactsPerUser()) {
            return;
        }
        Entry first = mine.get(0);
        for (Entry entry : mine) {
            if (entry.expiresAt < first.expiresAt) {
                first = entry;
            }
        }
        detach(first);
    }

    private void detach(Entry entry) {
        List<Entry> entries = byRep.get(entry.repId);
        if (entries != null && entries.remove(entry)) {
            count--;
            if (entries.isEmpty()) {
                byRep.remove(entry.repId);
            }
        }
        cancelExpiry(entry);
    }

    private void publishTransition(String repId, int before, String contact, String reason, long now) {
        int after = countOf(repId);
        if (before == 0 && after > 0) {
            publisher.publish(new RepReachable(now, repId, contact));
        } else if (before > 0 && after == 0) {
            publisher.publish(new RepUnreachable(now, repId, reason));
        }
    }

    private boolean isLive(Entry entry) {
        List<Entry> entries = byRep.get(entry.repId);
        return entries != null && entries.contains(entry);
    }

    private Entry find(String repId, String user, URI uri) {
        for (Entry entry : entriesOf(repId, user)) {
            if (entry.uri.equals(uri)) {
                return entry;
            }
        }
        return null;
    }

    private List<Entry> entriesOf(String repId, String user) {
        List<Entry> entries = byRep.get(repId);
        if (entries == null) {
            return List.of();
        }
        List<Entry> mine = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (entry.user.equals(user)) {
                mine.add(entry);
            }
        }
        return mine;
    }

    private int countOf(String repId) {
        List<Entry> entries = byRep.get(repId);
        return entries == null ? 0 : entries.size();
    }

    private static void cancelExpiry(Entry entry) {
        if (entry.expiry != null) {
            entry.expiry.cancel();
            entry.expiry = null;
        }
    }
}

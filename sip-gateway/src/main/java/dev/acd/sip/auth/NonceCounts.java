package dev.acd.sip.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest nonce-count seen per used nonce, so a request cannot be replayed (RFC 7616 section 3.4: nc must
 * grow). Bounded: past {@code capacity} the entry used first is forgotten, and every nonce issued no later than a
 * forgotten one (still alive) is treated as forgotten too, so an eviction cannot reopen a replay; a forgotten nonce
 * gets a stale challenge. Thread-safe (one lock; each call is a few map operations).
 */
final class NonceCounts {
    /** What a use of a nonce-count means. */
    enum Use { ACCEPTED, REPLAYED, FORGOTTEN }

    private static final class Entry {
        final long issuedAt;
        long lastCount;

        Entry(long issuedAt) {
            this.issuedAt = issuedAt;
        }
    }

    private final int capacity;
    private final long lifetimeMs;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    /** Nonces issued at or before this that are not in the table were forgotten while alive. */
    private long forgottenUpTo = Long.MIN_VALUE;

    NonceCounts(int capacity, long lifetimeMs) {
        this.capacity = capacity;
        this.lifetimeMs = lifetimeMs;
    }

    /**
     * Records a use of {@code nonce} with nonce-count {@code count} (0 for a request without qop, which may use its
     * nonce once). Call only once the response proved the credentials right.
     */
    synchronized Use use(String nonce, long issuedAt, long count, long nowMs) {
        Entry entry = entries.get(nonce);
        if (entry == null) {
            if (issuedAt <= forgottenUpTo) {
                return Use.FORGOTTEN;
            }
            dropExpired(nowMs);
            if (entries.size() >= capacity) {
                forgetOldest(nowMs);
            }
            entry = new Entry(issuedAt);
            entry.lastCount = count;
            entries.put(nonce, entry);
            return Use.ACCEPTED;
        }
        if (count <= entry.lastCount) {
            return Use.REPLAYED;
        }
        entry.lastCount = count;
        return Use.ACCEPTED;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Entries are in first-use order, which roughly follows issue order: drop expired ones from the head. */
    private void dropExpired(long nowMs) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            Entry head = it.next();
            if (nowMs - head.issuedAt <= lifetimeMs) {
                return;
            }
            it.remove();
        }
    }

    private void forgetOldest(long nowMs) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        Entry oldest = it.next().getValue();
        it.remove();
        if (nowMs - oldest.issuedAt <= lifetimeMs) {
            forgottenUpTo = Math.max(forgottenUpTo, oldest.issuedAt);
        }
    }
}

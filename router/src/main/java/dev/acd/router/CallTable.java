package dev.acd.router;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls the router tracks, by call id: open addressing with linear probing on primitive keys, so a lookup
 * boxes nothing and probes adjacent slots. Iteration follows slot order, which the same operations always
 * reproduce (replay relies on the router being deterministic). Router thread only.
 */
final class CallTable {
    private static final int MIN_CAPACITY = 1024;

    private long[] keys = new long[MIN_CAPACITY];
    private CallState[] values = new CallState[MIN_CAPACITY];
    private int size;

    CallState get(long callId) {
        int mask = keys.length - 1;
        for (int slot = hash(callId) & mask; values[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == callId) {
                return values[slot];
            }
        }
        return null;
    }

    boolean containsKey(long callId) {
        return get(callId) != null;
    }

    void put(long callId, CallState call) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(callId) & mask;
        while (values[slot] != null && keys[slot] != callId) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == null) {
            size++;
        }
        keys[slot] = callId;
        values[slot] = call;
    }

    /** Removes and returns the call, or null. Later entries of the probe run shift back, so no tombstones. */
    CallState remove(long callId) {
        int mask = keys.length - 1;
        int slot = hash(callId) & mask;
        while (values[slot] != null && keys[slot] != callId) {
            slot = (slot + 1) & mask;
        }
        CallState removed = values[slot];
        if (removed == null) {
            return null;
        }
        size--;
        int hole = slot;
        for (int next = (hole + 1) & mask; values[next] != null; next = (next + 1) & mask) {
            int home = hash(keys[next]) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        values[hole] = null;
        keys[hole] = 0;
        return removed;
    }

    int size() {
        return size;
    }

    /** The tracked calls, in slot order (a copy: callers may change the table while going through it). */
    List<CallState> values() {
        List<CallState> all = new ArrayList<>(size);
        for (CallState call : values) {
            if (call != null) {
                all.add(call);
            }
        }
        return all;
    }

    private void grow() {
        long[] oldKeys = keys;
        CallState[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new CallState[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}

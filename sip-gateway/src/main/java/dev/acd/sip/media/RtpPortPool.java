package dev.acd.sip.media;

import java.util.ArrayDeque;
import java.util.BitSet;

/**
 * Hands out RTP ports from a configured range: even ports only, each reserving the pair (RTP, RTCP = RTP + 1) as
 * RFC 3550 section 11 expects. Released ports go to the back of the line, so a port is not reused while late
 * packets of its last call may still arrive. Thread-safe: legs on every event loop share one pool.
 */
public final class RtpPortPool {
    private final int first;
    private final int last;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final BitSet inUse = new BitSet();

    /**
     * @param first the lowest port, even, at least 1024
     * @param last the highest port (an RTCP port may be it); the range must hold at least one pair
     */
    public RtpPortPool(int first, int last) {
        if (first < 1024 || first % 2 != 0 || last > 65535 || last < first + 1) {
            throw new IllegalArgumentException("RTP port range " + first + "-" + last
                    + ": the first port must be even and at least 1024, the last at most 65535, room for one pair");
        }
        this.first = first;
        this.last = last;
        for (int port = first; port + 1 <= last; port += 2) {
            free.add(port);
        }
    }

    /** Takes a pair and returns its (even) RTP port, or -1 when every pair is in use: refuse the call (503/488). */
    public synchronized int acquire() {
        Integer port = free.poll();
        if (port == null) {
            return -1;
        }
        inUse.set(port - first);
        return port;
    }

    /** Gives a pair back. */
    public synchronized void release(int port) {
        if (port < first || port > last || !inUse.get(port - first)) {
            throw new IllegalArgumentException("RTP port " + port + " is not in use in range " + first + "-" + last);
        }
        inUse.clear(port - first);
        free.add(port);
    }

    /** Pairs free now. */
    public synchronized int available() {
        return free.size();
    }

    /** Pairs in the range. */
    public int capacity() {
        return (last - first + 1) / 2;
    }
}

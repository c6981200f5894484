package dev.acd.sip.media;

/**
 * What arrived on one endpoint from one source: RFC 3550 appendix A.1 sequence accounting (extended highest
 * sequence, cycles, lost) and A.8 interarrival jitter. Runs on the endpoint's event loop; other threads may read
 * slightly stale values.
 */
final class RtpReceiveStatistics {
    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    /** 8 kHz: one timestamp unit is 125 microseconds. */
    private static final long NANOS_PER_UNIT = 125_000;

    private boolean started;
    private long ssrc = -1;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private long received;
    private long late;
    private long transit;
    private double jitter;

    /** Accounts one packet; returns false only for the first packet after a big sequence jump (RFC 3550 A.1). */
    boolean update(long packetSsrc, int seq, long rtpTimestamp, long arrivalNanos) {
        if (!started || packetSsrc != ssrc) {
            // a new source (or the peer restarted its stream): start again as RFC 3550 A.1 init_seq does
            restart(packetSsrc, seq);
        } else {
            int delta = (seq - maxSeq) & 0xFFFF;
            if (delta < MAX_DROPOUT) {
                if (seq < maxSeq) {
                    cycles += SEQ_MOD;
                }
                maxSeq = seq;
            } else if (delta <= SEQ_MOD - MAX_MISORDER) {
                // a big jump: believe it only when the next packet follows it
                if (seq == badSeq) {
                    restart(packetSsrc, seq);
                } else {
                    badSeq = (seq + 1) & 0xFFFF;
                    return false;
                }
            } else {
                // reordered or duplicated: received (RFC 3550 A.1 counts it) but after a later one
                late++;
            }
        }
        received++;
        long arrival = arrivalNanos / NANOS_PER_UNIT;
        long t = arrival - rtpTimestamp;
        if (received > 1) {
            long d = Math.abs(t - transit);
            jitter += (d - jitter) / 16.0;
        }
        transit = t;
        return true;
    }

    private void restart(long packetSsrc, int seq) {
        started = true;
        ssrc = packetSsrc;
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        jitter = 0;
    }

    long lost() {
        if (!started) {
            return 0;
        }
        long expected = cycles + maxSeq - baseSeq + 1;
        return Math.max(0, expected - received);
    }

    long late() {
        return late;
    }

    /** Interarrival jitter in milliseconds. */
    double jitterMs() {
        return jitter * NANOS_PER_UNIT / 1_000_000.0;
    }
}

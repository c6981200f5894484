package dev.acd.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/** What the transports saw, counted across event loops; read for metrics and tests. */
public final class TransportCounters {
    private final LongAdder received = new LongAdder();
    private final LongAdder answeredMalformed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** Well-formed messages handed on. */
    public long received() {
        return received.sum();
    }

    /** Malformed or oversized requests answered with 400 or 513. */
    public long answeredMalformed() {
        return answeredMalformed.sum();
    }

    /** Messages that could be neither used nor answered. */
    public long dropped() {
        return dropped.sum();
    }

    /** Unexpected exceptions caught in a pipeline (the channel stays up). */
    public long errors() {
        return errors.sum();
    }

    void countReceived() {
        received.increment();
    }

    void countAnswered() {
        answeredMalformed.increment();
    }

    void countDropped() {
        dropped.increment();
    }

    void countError() {
        errors.increment();
    }
}

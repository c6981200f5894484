package dev.acd.core.event;

/** What a call was transferred to. */
public enum TransferTarget {
    /** Another queue: the call waits there. */
    QUEUE,
    /** A named rep. */
    REP,
    /** An outside number: the call leaves the center. */
    NUMBER
}

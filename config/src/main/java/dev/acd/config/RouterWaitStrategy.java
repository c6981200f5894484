package dev.acd.config;

/**
 * How the router's threads (routing, journal) wait for the next event: a trade between CPU while idle and the cost
 * and latency of each event at low load.
 */
public enum RouterWaitStrategy {
    /** Sleep until an event comes: no CPU while idle; at low load every event wakes the threads one by one. */
    BLOCKING,
    /** Spin briefly, then yield, then sleep 100 us at a time: a little CPU while idle, fewer wake-ups per event. */
    SLEEPING,
    /** Spin and yield: the lowest latency, and a core per router thread kept busy even when idle. */
    YIELDING
}

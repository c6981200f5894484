package dev.acd.router;

/** Where a call the router knows is in its life. */
enum CallPhase {
    /** Arrived, not yet classified. */
    ARRIVED,
    WAITING,
    OFFERED,
    CONNECTED
}

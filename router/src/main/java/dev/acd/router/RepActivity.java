package dev.acd.router;

/** What a rep is doing with calls, whatever its status. Wrap-up is one state across all queues. */
public enum RepActivity {
    IDLE,
    OFFERED,
    ON_CALL,
    WRAP_UP
}

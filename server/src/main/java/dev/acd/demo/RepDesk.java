package dev.acd.demo;

/**
 * What a simulated rep does outside SIP: logging in and saying ready (which the API does for a real rep), and
 * ending wrap-up early. Implementations must be safe from any thread and must not block for long.
 */
public interface RepDesk {
    /** The rep's softphone registered for the first time: log in and become ready. */
    void loggedIn(String repId);

    /** The rep finished after-call work before the queue's wrap-up time ran out: ready again. */
    void wrapUpDone(String repId);

    /** The simulation is ending: log out. */
    void loggedOut(String repId);
}

package dev.acd.core.event;

/** Where the edges (SIP event loops, the API, the simulator) put events for the router. Safe from any thread. */
public interface EventPublisher {
    /**
     * Publishes an event, waiting for room if the router is behind.
     */
    void publish(Event event);

    /**
     * Publishes an event if there is room now; false tells the caller the router is saturated (back-pressure),
     * so it can refuse new work (e.g. answer a new call with 503) instead of blocking its event loop.
     */
    boolean tryPublish(Event event);
}

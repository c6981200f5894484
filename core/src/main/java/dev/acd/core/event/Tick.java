package dev.acd.core.event;

/** Time passed. Ticks drive the router's timers (tier widening, max wait, wrap-up end, live windows). */
public record Tick(long at) implements Event {
}

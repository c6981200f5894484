package dev.acd.core.time;

/** A source of the current time for the edges of the system; the router and statistics never use one. */
public interface Clock {
    /** Milliseconds since the epoch. */
    long millis();

    /** The wall clock. */
    Clock SYSTEM = System::currentTimeMillis;
}

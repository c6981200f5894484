package dev.acd.router;

/** Something with one pending timer in the router's {@link TimerHeap}: a waiting call, a rep in wrap-up. */
abstract class Timed {
    long dueAt;
    /** Scheduling order: equal due times fire in the order they were scheduled. */
    long seq;
    /** Position in the heap, or -1 when no timer is pending. */
    int heapIndex = -1;

    boolean scheduled() {
        return heapIndex >= 0;
    }
}

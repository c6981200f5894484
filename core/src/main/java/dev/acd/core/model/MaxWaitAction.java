package dev.acd.core.model;

/** What happens to a call that has waited a queue's maximum wait. */
public enum MaxWaitAction {
    /** Move the call to the queue's overflow queue, keeping its priority. */
    OVERFLOW,
    /** Take the caller's number for a callback and end the wait. */
    CALLBACK,
    /** Play a polite goodbye and hang up. */
    HANG_UP
}

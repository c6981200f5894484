package dev.acd.core.event;

/** Why an offered call did not reach the rep. Each kind is counted apart. */
public enum OfferFailure {
    /** The rep's phone rang until the queue's ring timeout. */
    NO_ANSWER,
    /** The rep declined (SIP 603, or 486 pressed by hand). */
    REJECTED,
    /** The rep's phone was busy. */
    BUSY,
    /** The rep's phone could not be reached (408, 503, transport failure). */
    UNREACHABLE
}

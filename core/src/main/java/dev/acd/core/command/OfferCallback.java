package dev.acd.core.command;

/**
 * Offer the waiting caller a callback (a prompt and a key to press).
 *
 * @param afterMaxWait false when a callback tier opened: the call keeps its place and waits on if the caller
 *                     declines; true when the queue's max wait ran out with the CALLBACK action: the router has
 *                     already let the call go, so a caller who declines is hung up on ({@code CallEnded SYSTEM})
 */
public record OfferCallback(long callId, boolean afterMaxWait) implements Command {
    /** A callback tier's offer: the call waits on when declined. */
    public OfferCallback(long callId) {
        this(callId, false);
    }
}

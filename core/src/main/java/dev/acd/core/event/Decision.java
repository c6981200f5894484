package dev.acd.core.event;

/**
 * An event the router produces. It is journaled right after the input that caused it; replaying the inputs into a
 * fresh router yields the same decisions again, so replay skips these.
 */
public sealed interface Decision extends Event permits
        CallQueued, TierWidened, CallOffered, RepMarkedNotReady, WrapUpStarted, WrapUpEnded, MaxWaitReached,
        CallbackOffered {
}

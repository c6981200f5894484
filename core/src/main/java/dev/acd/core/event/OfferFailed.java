package dev.acd.core.event;

/** An offered call did not connect to the rep; the call goes back to the head of its queue. */
public record OfferFailed(long at, long callId, String repId, OfferFailure failure)
        implements Event, CallEvent, RepEvent {
}

package dev.acd.core.event;

/** The rep answered an offered call (inbound), or the customer answered a rep's outbound call; talk starts. */
public record CallAnswered(long at, long callId, String repId) implements Event, CallEvent, RepEvent {
}

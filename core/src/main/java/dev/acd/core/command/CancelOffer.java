package dev.acd.core.command;

/** Stop ringing this rep for this call (the call was abandoned or taken away). */
public record CancelOffer(long callId, String repId) implements Command {
}

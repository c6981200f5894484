package dev.acd.core.command;

import dev.acd.core.model.Reach;

/** Ring this rep for this call; report answer or failure, giving up after {@code ringTimeoutSeconds}. */
public record OfferCall(long callId, String repId, Reach reach, int ringTimeoutSeconds) implements Command {
}

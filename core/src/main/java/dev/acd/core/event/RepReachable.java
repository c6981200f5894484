package dev.acd.core.event;

/**
 * A rep's softphone became reachable: its first registration binding appeared (RFC 3261 section 10).
 *
 * @param contact the Contact URI of the binding that made the rep reachable
 */
public record RepReachable(long at, String repId, String contact) implements Event, RepEvent {
}

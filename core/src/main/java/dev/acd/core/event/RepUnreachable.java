package dev.acd.core.event;

/**
 * A rep's softphone stopped being reachable: its last registration binding went away.
 *
 * @param reason why the last binding went: {@code "unregistered"}, {@code "expired"} or {@code "ping-timeout"}
 */
public record RepUnreachable(long at, String repId, String reason) implements Event, RepEvent {
}

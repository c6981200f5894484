package dev.acd.core.event;

/**
 * A connected call ended.
 *
 * @param reason free text from the side that ended it (e.g. "BYE", "max wait", "media timeout")
 */
public record CallEnded(long at, long callId, Party endedBy, String reason) implements Event, CallEvent {
}

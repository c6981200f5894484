package dev.acd.core.event;

/** The caller hung up before a rep answered (while queued or while a rep's phone rang). */
public record CallAbandoned(long at, long callId) implements Event, CallEvent {
}

package dev.acd.core.event;

/** A call's recording was written and can be scored and downloaded. */
public record RecordingReady(long at, long callId, String path, long durationMs) implements Event, CallEvent {
}

package dev.acd.core.event;

/**
 * One leg of a call stopped receiving audio (one-way or no audio), as the media layer saw it; counted for
 * operations, the call goes on.
 *
 * @param leg    which side went silent: {@link Party#CUSTOMER} or {@link Party#REP}
 * @param reason what was seen, e.g. {@code "no RTP for 10000 ms"}
 */
public record MediaFailed(long at, long callId, Party leg, String reason) implements Event, CallEvent {
}

package dev.acd.core.event;

/** The router set a rep not ready after too many failed offers in a row; the reason names the failure kind. */
public record RepMarkedNotReady(long at, String repId, String reason) implements Decision, RepEvent {
}

package dev.acd.core.command;

/** End the waiting call politely, with a reason for the caller's announcement and the log. */
public record HangUpCall(long callId, String reason) implements Command {
}

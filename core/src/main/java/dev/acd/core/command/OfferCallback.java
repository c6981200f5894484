package dev.acd.core.command;

/** Offer the waiting caller a callback (a prompt and a key to press); the call keeps its place meanwhile. */
public record OfferCallback(long callId) implements Command {
}

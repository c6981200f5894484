package dev.acd.core.model;

/** A number customers dial, and the queue its calls go to. */
public record Line(String id, String number, String name, String queueId) {
}

package dev.acd.core.event;

/** An eligible idle rep the router did not pick, and why. */
public record PassedOver(String repId, PassedOverWhy why) {
}

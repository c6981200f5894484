package dev.acd.core.model;

/** Customers whose lifetime value is at least {@code minValue} get {@code boost} extra priority points. */
public record ValueBand(long minValue, int boost) {
}

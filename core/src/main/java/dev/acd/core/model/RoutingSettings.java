package dev.acd.core.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Center-wide routing settings.
 *
 * @param defaultSegment           segment of callers not found in the customer directory
 * @param valueBands               priority boosts by customer lifetime value
 * @param outboundWrapUpSeconds    wrap-up after an outbound call
 * @param passedOverLimit          how many passed-over candidates a routing explanation keeps
 * @param zone                     the center's time zone: statistics count intervals and days in it
 */
public record RoutingSettings(String defaultSegment, List<ValueBand> valueBands, MissPolicy misses,
                              int outboundWrapUpSeconds, int passedOverLimit, ZoneId zone) {
    public RoutingSettings {
        valueBands = List.copyOf(valueBands);
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    /** Settings of a center that keeps its time in UTC. */
    public RoutingSettings(String defaultSegment, List<ValueBand> valueBands, MissPolicy misses,
                           int outboundWrapUpSeconds, int passedOverLimit) {
        this(defaultSegment, valueBands, misses, outboundWrapUpSeconds, passedOverLimit, ZoneOffset.UTC);
    }

    /** The priority boost a customer of this lifetime value gets: the largest band it reaches. */
    public int valueBoost(long lifetimeValue) {
        int boost = 0;
        for (ValueBand band : valueBands) {
            if (lifetimeValue >= band.minValue()) {
                boost = Math.max(boost, band.boost());
            }
        }
        return boost;
    }
}

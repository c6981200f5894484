package dev.acd.core.model;

import java.util.Set;

/**
 * A customer segment (e.g. long tail, mid-market, strategic, partner-sourced).
 *
 * @param homeTeams the rep teams that serve this segment in a queue's home-team tier
 * @param priority  base routing priority of the segment's calls; higher goes first
 */
public record Segment(String id, String name, Set<String> homeTeams, int priority) {
    public Segment {
        homeTeams = Set.copyOf(homeTeams);
    }
}

package dev.acd.core.model;

/**
 * How many failed offers in a row of each kind make the router set a rep not ready. 0 turns the rule off.
 */
public record MissPolicy(int noAnswer, int rejected, int busy, int unreachable) {
    /** Defaults: one ring-no-answer, three rejects, three busies, one unreachable. */
    public static final MissPolicy DEFAULT = new MissPolicy(1, 3, 3, 1);
}

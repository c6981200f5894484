package dev.acd.core.event;

/** The first ranking criterion on which a passed-over candidate lost to the chosen rep. */
public enum PassedOverWhy {
    WEAKER_RULE,
    NO_TERRITORY_MATCH,
    LOWER_SKILL,
    IDLE_SHORTER,
    TIE_BREAK
}

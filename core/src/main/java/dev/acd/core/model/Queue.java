package dev.acd.core.model;

import java.util.List;

/**
 * A queue calls wait in, with the tiers that widen who may take them.
 *
 * @param skills                 skills every call in this queue requires
 * @param serviceLevelSeconds    the T of "answered within T seconds"
 * @param serviceLevelGoalPercent the share of calls the center aims to answer within T
 * @param wrapUpSeconds          after-call work time before the rep is made ready again
 * @param ringTimeoutSeconds     how long a rep's phone rings before ring-no-answer
 * @param maxWaitSeconds         longest wait before {@code maxWaitAction}; 0 for no limit
 * @param overflowQueue          target of {@link MaxWaitAction#OVERFLOW}, or null
 * @param shortAbandonSeconds    abandons quicker than this are counted apart
 * @param agingPointsPerMinute   priority points a waiting call gains each minute, so nobody starves
 */
public record Queue(String id, String name, List<SkillRequirement> skills, List<Tier> tiers,
                    int serviceLevelSeconds, int serviceLevelGoalPercent, int wrapUpSeconds, int ringTimeoutSeconds,
                    int maxWaitSeconds, MaxWaitAction maxWaitAction, String overflowQueue, int shortAbandonSeconds,
                    int agingPointsPerMinute) {
    public Queue {
        skills = List.copyOf(skills);
        tiers = List.copyOf(tiers);
    }
}

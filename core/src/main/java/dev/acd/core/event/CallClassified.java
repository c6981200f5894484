package dev.acd.core.event;

import java.util.List;

import dev.acd.core.model.SkillRequirement;

/**
 * A call's customer was looked up and what routing needs of it decided.
 *
 * @param customerId   the customer, or null for an unknown caller
 * @param value        the customer's lifetime value in whole currency units
 * @param accountOwner the rep who owns the account, or null
 * @param partner      the partner organisation that owns the account, or null
 * @param queueId      the queue the call waits in (null for outbound calls)
 * @param priority     base priority: the segment's plus the value boost
 */
public record CallClassified(long at, long callId, String customerId, String segment, long value,
                             String accountOwner, String territory, String partner, String language,
                             String queueId, int priority, List<SkillRequirement> skills)
        implements Event, CallEvent {
    public CallClassified {
        skills = List.copyOf(skills);
    }
}

package dev.acd.core.stats;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Explanation;
import dev.acd.core.event.Rule;
import dev.acd.core.event.Trigger;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.RoutingSettings;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Tier;
import dev.acd.core.model.TierScope;

/** Builders for the model and the events with many fields, so tests read as scripts. */
final class Fixtures {
    private Fixtures() {
    }

    static Queue queue(String id, int serviceLevelSeconds, int shortAbandonSeconds) {
        return new Queue(id, id, List.of(), List.of(new Tier("all", 0, TierScope.SKILLED, Set.of(RepKind.values()), false)),
                serviceLevelSeconds, 80, 30, 20, 0, MaxWaitAction.HANG_UP, null, shortAbandonSeconds, 1);
    }

    static Rep rep(String id, RepKind kind) {
        return new Rep(id, id, kind, "team", Map.of(), null, null, new Reach(ReachKind.SOFTPHONE, id), List.of(),
                ZoneOffset.UTC);
    }

    static ConfigChanged config(long at, List<Rep> reps, List<Queue> queues) {
        RoutingModel model = new RoutingModel(List.of(),
                List.of(new Segment("smb", "SMB", Set.of("team"), 1)), queues, List.of(), reps,
                new RoutingSettings("smb", List.of(), MissPolicy.DEFAULT, 30, 3));
        return new ConfigChanged(at, 1, "test", model);
    }

    static CallClassified classified(long at, long callId, String segment, String queueId) {
        return new CallClassified(at, callId, null, segment, 0, null, null, null, null, queueId, 1, List.of());
    }

    static CallOffered offered(long at, long callId, String repId, String queueId) {
        return new CallOffered(at, callId, repId, queueId, 1,
                new Explanation(Trigger.CALL_QUEUED, Rule.SKILLED, false, 0, at, 1, List.of()));
    }
}

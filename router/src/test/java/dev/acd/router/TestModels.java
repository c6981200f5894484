package dev.acd.router;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.acd.core.model.LiveWindow;
import dev.acd.core.model.Line;
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
import dev.acd.core.model.Skill;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.model.Tier;
import dev.acd.core.model.ValueBand;

/** Small routing models for router tests. */
final class TestModels {
    /** Monday 2026-11-23 09:00 UTC: inside the default field window. */
    static final long MONDAY_9AM = 1_795_424_400_000L;

    private TestModels() {
    }

    static Rep inside(String id, String team, String territory, Map<String, Integer> skills) {
        return new Rep(id, id, RepKind.INSIDE, team, skills, territory, null,
                new Reach(ReachKind.SOFTPHONE, id), List.of(), ZoneOffset.UTC);
    }

    static Rep field(String id, String territory, Map<String, Integer> skills, LocalTime from, LocalTime to) {
        LiveWindow window = new LiveWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), from, to);
        return new Rep(id, id, RepKind.FIELD, "field", skills, territory, null,
                new Reach(ReachKind.OUTSIDE_NUMBER, "+1555" + id.hashCode()), List.of(window), ZoneOffset.UTC);
    }

    static Rep partner(String id, String partner, Map<String, Integer> skills) {
        return new Rep(id, id, RepKind.PARTNER, "partner-" + partner, skills, null, partner,
                new Reach(ReachKind.SIP_URI, "sip:" + id + "@" + partner + ".example"), List.of(), ZoneOffset.UTC);
    }

    /** The standard four tiers: relationship, home team, inside skilled after 30 s, anyone after 90 s with callback. */
    static List<Tier> standardTiers() {
        return List.of(
                new Tier("relationship", 0, dev.acd.core.model.TierScope.RELATIONSHIP, Set.of(), false),
                new Tier("home team", 10, dev.acd.core.model.TierScope.HOME_TEAM, Set.of(), false),
                new Tier("inside", 30, dev.acd.core.model.TierScope.SKILLED, Set.of(RepKind.INSIDE), false),
                new Tier("anyone", 90, dev.acd.core.model.TierScope.SKILLED, EnumSet.allOf(RepKind.class), true));
    }

    static Queue queue(String id, List<Tier> tiers, int maxWaitSeconds, MaxWaitAction action, String overflow) {
        return new Queue(id, id, List.of(new SkillRequirement("crm", 1)), tiers, 20, 80, 30, 15,
                maxWaitSeconds, action, overflow, 5, 10);
    }

    static RoutingModel model(List<Rep> reps, List<Queue> queues) {
        List<Skill> skills = new ArrayList<>();
        for (String s : List.of("crm", "analytics", "lang-de", "lang-en")) {
            skills.add(new Skill(s, s));
        }
        List<Segment> segments = List.of(
                new Segment("smb", "Small business", Set.of("inside-smb"), 0),
                new Segment("enterprise", "Enterprise", Set.of("field", "inside-senior"), 20));
        List<Line> lines = new ArrayList<>();
        for (Queue q : queues) {
            lines.add(new Line("line-" + q.id(), "+1555000" + lines.size(), q.id(), q.id()));
        }
        RoutingSettings settings = new RoutingSettings("smb", List.of(new ValueBand(100_000, 10)),
                new MissPolicy(1, 3, 3, 1), 20, 3);
        return new RoutingModel(skills, segments, queues, lines, reps, settings);
    }
}

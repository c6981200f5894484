package dev.acd.perf;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import dev.acd.core.model.Tier;
import dev.acd.core.model.TierScope;
import dev.acd.core.model.ValueBand;

/**
 * A large seeded center for benchmarks: reps (85% inside, 10% field, 5% partner), skills, four queues (smb, mid,
 * enterprise, partner) with the usual relationship / home team / skilled-inside / anyone tiers.
 *
 * <p>Skills: the first {@link #CORE_SKILLS} are product lines; every rep has two of them, plus three to eight of
 * the others (languages, industries), each at level 1 to 10, so a rep has 5 to 10 skills. Calls need one product
 * skill and sometimes one other skill.
 */
public final class LargeCenter {
    /** Product-line skills every call needs one of. */
    public static final int CORE_SKILLS = 20;
    public static final int TERRITORIES = 20;
    public static final int PARTNERS = 10;
    /** Monday 2026-11-23 09:00 UTC: field reps' live windows (weekdays 08:00-18:00 UTC) are open. */
    public static final long MONDAY_9AM = LocalDate.of(2026, 11, 23).atTime(9, 0).toInstant(ZoneOffset.UTC)
            .toEpochMilli();
    static final String[] SEGMENTS = {"smb", "mid", "enterprise", "partner"};

    private LargeCenter() {
    }

    public static String repId(int i) {
        return String.format("rep-%05d", i);
    }

    public static String skillId(int i) {
        return String.format("skill-%03d", i);
    }

    /** The queue a segment's calls go to. */
    public static String queueOf(String segment) {
        return "q-" + segment;
    }

    /** A seeded model with {@code repCount} reps and {@code skillCount} skills (more than {@link #CORE_SKILLS}). */
    public static RoutingModel model(int repCount, int skillCount, long seed) {
        if (skillCount <= CORE_SKILLS + 8) {
            throw new IllegalArgumentException("skillCount must be more than " + (CORE_SKILLS + 8) + ", got "
                    + skillCount);
        }
        Random random = new Random(seed);
        List<Skill> skills = new ArrayList<>();
        for (int s = 0; s < skillCount; s++) {
            skills.add(new Skill(skillId(s), "skill " + s));
        }
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment("smb", "SMB", Set.of("smb"), 0));
        segments.add(new Segment("mid", "Mid-market", Set.of("mid", "senior"), 5));
        segments.add(new Segment("enterprise", "Enterprise", Set.of("senior", "field"), 20));
        Set<String> partnerTeams = new java.util.HashSet<>();
        for (int p = 0; p < PARTNERS; p++) {
            partnerTeams.add("partner-" + p);
        }
        segments.add(new Segment("partner", "Partner-sourced", partnerTeams, 5));

        Set<RepKind> inside = EnumSet.of(RepKind.INSIDE);
        Set<RepKind> anyone = EnumSet.allOf(RepKind.class);
        List<Queue> queues = List.of(
                queue("smb", List.of(
                        new Tier("home", 0, TierScope.HOME_TEAM, Set.of(), false),
                        new Tier("inside", 30, TierScope.SKILLED, inside, false),
                        new Tier("anyone", 90, TierScope.SKILLED, anyone, true)), 0, null),
                queue("mid", List.of(
                        new Tier("relationship", 0, TierScope.RELATIONSHIP, Set.of(), false),
                        new Tier("home", 10, TierScope.HOME_TEAM, Set.of(), false),
                        new Tier("inside", 40, TierScope.SKILLED, inside, false),
                        new Tier("anyone", 120, TierScope.SKILLED, anyone, true)), 0, null),
                queue("enterprise", List.of(
                        new Tier("relationship", 0, TierScope.RELATIONSHIP, Set.of(), false),
                        new Tier("home", 15, TierScope.HOME_TEAM, Set.of(), false),
                        new Tier("inside", 60, TierScope.SKILLED, inside, false),
                        new Tier("anyone", 180, TierScope.SKILLED, anyone, true)), 600, "q-mid"),
                queue("partner", List.of(
                        new Tier("relationship", 0, TierScope.RELATIONSHIP, Set.of(), false),
                        new Tier("home", 20, TierScope.HOME_TEAM, Set.of(), false),
                        new Tier("anyone", 60, TierScope.SKILLED, anyone, false)), 0, null));
        List<Line> lines = new ArrayList<>();
        for (String segment : SEGMENTS) {
            lines.add(new Line("line-" + segment, "+1555000" + lines.size(), segment, queueOf(segment)));
        }

        List<Rep> reps = new ArrayList<>(repCount);
        List<LiveWindow> officeHours = List.of(new LiveWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0)));
        for (int i = 0; i < repCount; i++) {
            int roll = random.nextInt(100);
            RepKind kind = roll < 85 ? RepKind.INSIDE : roll < 95 ? RepKind.FIELD : RepKind.PARTNER;
            String partner = kind == RepKind.PARTNER ? "partner-" + random.nextInt(PARTNERS) : null;
            String team = switch (kind) {
                case INSIDE -> new String[] {"smb", "smb", "mid", "senior"}[random.nextInt(4)];
                case FIELD -> "field";
                case PARTNER -> partner;
            };
            Map<String, Integer> repSkills = new HashMap<>();
            while (repSkills.size() < 2) {
                repSkills.put(skillId(random.nextInt(CORE_SKILLS)), 1 + random.nextInt(10));
            }
            int total = 5 + random.nextInt(6);
            while (repSkills.size() < total) {
                repSkills.put(skillId(CORE_SKILLS + random.nextInt(skillCount - CORE_SKILLS)), 1 + random.nextInt(10));
            }
            Reach reach = switch (kind) {
                case INSIDE -> new Reach(ReachKind.SOFTPHONE, repId(i));
                case FIELD -> new Reach(ReachKind.OUTSIDE_NUMBER, "+4915" + (10_000_000 + i));
                case PARTNER -> new Reach(ReachKind.SIP_URI, "sip:" + repId(i) + "@" + partner + ".example");
            };
            reps.add(new Rep(repId(i), "Rep " + i, kind, team, repSkills, "t" + random.nextInt(TERRITORIES), partner,
                    reach, kind == RepKind.FIELD ? officeHours : List.of(), ZoneOffset.UTC));
        }
        RoutingSettings settings = new RoutingSettings("smb",
                List.of(new ValueBand(50_000, 5), new ValueBand(500_000, 15)), MissPolicy.DEFAULT, 20, 3);
        return new RoutingModel(skills, segments, queues, lines, reps, settings);
    }

    private static Queue queue(String segment, List<Tier> tiers, int maxWaitSeconds, String overflow) {
        MaxWaitAction action = overflow == null ? MaxWaitAction.HANG_UP : MaxWaitAction.OVERFLOW;
        return new Queue(queueOf(segment), segment, List.of(), tiers, 20, 80, 30, 15, maxWaitSeconds, action,
                overflow, 5, 2);
    }
}

package dev.acd.config.internal;

import static dev.acd.config.Settings.*;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.acd.config.PartnerOrganisation;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.model.Line;
import dev.acd.core.model.LineMenu;
import dev.acd.core.model.LiveWindow;
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
import dev.acd.core.model.TierScope;
import dev.acd.core.model.ValueBand;

/** Reads the routing model (skills, segments, partners, queues, lines, reps, routing settings) from the top level. */
final class ModelSection {
    static final int MIN_SKILL_LEVEL = 1;
    static final int MAX_SKILL_LEVEL = 10;
    private static final String SKILL_LEVEL = "a skill level from " + MIN_SKILL_LEVEL + " to " + MAX_SKILL_LEVEL;

    /** The menu prompt that means "the built-in one". */
    static final String BUILT_IN_PROMPT = "builtin";

    private final YamlMap top;
    private final Source source;
    private final Problems problems;
    private final References refs;
    private final ZoneId centerZone;

    private final List<PartnerOrganisation> partners = new ArrayList<>();
    private final Map<String, String> softphoneUsers = new HashMap<>();
    private RoutingModel model;

    ModelSection(YamlMap top, Source source, References refs, ZoneId centerZone) {
        this.top = top;
        this.source = source;
        this.problems = top.problems();
        this.refs = refs;
        this.centerZone = centerZone;
    }

    void read() {
        List<Skill> skills = skills();
        List<Segment> segments = segments();
        readPartners();
        List<Queue> queues = queues();
        List<Line> lines = lines();
        List<Rep> reps = reps();
        RoutingSettings settings = routing();
        model = new RoutingModel(skills, segments, queues, lines, reps, settings);
    }

    RoutingModel model() {
        return model;
    }

    List<PartnerOrganisation> partners() {
        return partners;
    }

    /** Softphone user name to the id of the rep it belongs to. */
    Map<String, String> softphoneUsers() {
        return softphoneUsers;
    }

    private List<Skill> skills() {
        List<Skill> skills = new ArrayList<>();
        for (YamlMap m : top.maps(SKILLS, "skills[]")) {
            String id = m.id(SKILL_ID);
            refs.define("skill", id, m.at(SKILL_ID));
            skills.add(new Skill(orEmpty(id), orElse(m.text(SKILL_NAME), id)));
        }
        return skills;
    }

    private List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        for (YamlMap m : top.maps(SEGMENTS, "segments[]")) {
            String id = m.id(SEGMENT_ID);
            refs.define("segment", id, m.at(SEGMENT_ID));
            Set<String> teams = new LinkedHashSet<>();
            for (YamlMap.Text team : m.texts(SEGMENT_HOME_TEAMS)) {
                refs.expect("team", team.value(), team.where(), "no rep is in team '" + team.value() + "'");
                teams.add(team.value());
            }
            segments.add(new Segment(orEmpty(id), orElse(m.text(SEGMENT_NAME), id), teams, m.whole(SEGMENT_PRIORITY)));
        }
        return segments;
    }

    private void readPartners() {
        for (YamlMap m : top.maps(PARTNERS, "partners[]")) {
            String id = m.id(PARTNER_ID);
            refs.define("partner organisation", id, m.at(PARTNER_ID));
            partners.add(new PartnerOrganisation(orEmpty(id), orElse(m.text(PARTNER_NAME), id)));
        }
    }

    private List<Queue> queues() {
        List<Queue> queues = new ArrayList<>();
        for (YamlMap m : top.maps(QUEUES, "queues[]")) {
            String id = m.id(QUEUE_ID);
            refs.define("queue", id, m.at(QUEUE_ID));
            List<SkillRequirement> skills = new ArrayList<>();
            for (Map.Entry<String, Integer> level : skillLevels(m, QUEUE_SKILLS).entrySet()) {
                skills.add(new SkillRequirement(level.getKey(), level.getValue()));
            }
            List<Tier> tiers = tiers(m);
            int maxWait = m.whole(QUEUE_MAX_WAIT_SECONDS);
            MaxWaitAction action = m.choice(QUEUE_MAX_WAIT_ACTION, MaxWaitAction.class);
            String overflow = m.id(QUEUE_OVERFLOW_QUEUE);
            if (m.has(QUEUE_MAX_WAIT_ACTION) && maxWait == 0) {
                problems.add(m.at(QUEUE_MAX_WAIT_ACTION), "maxWaitAction has no effect while maxWaitSeconds is 0 (no limit); "
                        + "set maxWaitSeconds or remove maxWaitAction");
            }
            if (action == MaxWaitAction.OVERFLOW && overflow == null && !m.has(QUEUE_OVERFLOW_QUEUE)) {
                problems.add(m.at(QUEUE_MAX_WAIT_ACTION), "maxWaitAction OVERFLOW needs overflowQueue");
            }
            if (overflow != null && action != MaxWaitAction.OVERFLOW) {
                problems.add(m.at(QUEUE_OVERFLOW_QUEUE), "overflowQueue is only used when maxWaitAction is OVERFLOW");
            } else if (overflow != null && overflow.equals(id)) {
                problems.add(m.at(QUEUE_OVERFLOW_QUEUE), "a queue cannot overflow into itself");
            } else {
                refs.expect("queue", overflow, m.at(QUEUE_OVERFLOW_QUEUE));
            }
            queues.add(new Queue(orEmpty(id), orElse(m.text(QUEUE_NAME), id), skills, tiers,
                    m.whole(QUEUE_SERVICE_LEVEL_SECONDS), m.whole(QUEUE_SERVICE_LEVEL_GOAL), m.whole(QUEUE_WRAP_UP_SECONDS),
                    m.whole(QUEUE_RING_TIMEOUT_SECONDS), maxWait, action == null ? MaxWaitAction.CALLBACK : action,
                    overflow, m.whole(QUEUE_SHORT_ABANDON_SECONDS), m.whole(QUEUE_AGING)));
        }
        return queues;
    }

    private List<Tier> tiers(YamlMap queue) {
        List<Tier> tiers = new ArrayList<>();
        List<YamlMap> maps = queue.maps(QUEUE_TIERS, "queues[].tiers[]");
        if (maps.isEmpty() && queue.has(QUEUE_TIERS)) {
            problems.add(queue.at(QUEUE_TIERS), "a queue needs at least one tier");
        }
        int previousAfter = 0;
        for (YamlMap m : maps) {
            int after = m.whole(TIER_AFTER_SECONDS);
            if (after < previousAfter) {
                problems.add(m.at(TIER_AFTER_SECONDS), "tiers open in order: afterSeconds " + after
                        + " is less than the previous tier's " + previousAfter);
            }
            previousAfter = Math.max(previousAfter, after);
            TierScope scope = m.choice(TIER_SCOPE, TierScope.class);
            Set<RepKind> kinds = EnumSet.allOf(RepKind.class);
            if (m.has(TIER_KINDS)) {
                if (scope != null && scope != TierScope.SKILLED) {
                    problems.add(m.at(TIER_KINDS), "kinds only applies to SKILLED tiers; this tier's scope is " + scope);
                }
                kinds = EnumSet.noneOf(RepKind.class);
                for (YamlMap.Item item : m.list(TIER_KINDS)) {
                    RepKind kind = m.choice(item.node(), item.where(), RepKind.class);
                    if (kind != null) {
                        kinds.add(kind);
                    }
                }
                if (kinds.isEmpty() && m.list(TIER_KINDS).isEmpty()) {
                    problems.add(m.at(TIER_KINDS), "a SKILLED tier needs at least one rep kind");
                }
            }
            tiers.add(new Tier(orEmpty(m.text(TIER_NAME)), after, scope == null ? TierScope.SKILLED : scope, kinds,
                    m.bool(TIER_OFFER_CALLBACK)));
        }
        return tiers;
    }

    private List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (YamlMap m : top.maps(LINES, "lines[]")) {
            String id = m.id(LINE_ID);
            refs.define("line", id, m.at(LINE_ID));
            String number = m.text(LINE_NUMBER);
            if (number != null) {
                if (PhoneNumbers.isValid(number)) {
                    refs.define("line number", CustomerDirectory.digits(number), m.at(LINE_NUMBER));
                } else {
                    problems.add(m.at(LINE_NUMBER), PhoneNumbers.expectation(number));
                }
            }
            String queue = m.id(LINE_QUEUE);
            refs.expect("queue", queue, m.at(LINE_QUEUE));
            LineMenu menu = m.has(LINE_MENU) ? menu(m) : null;
            lines.add(new Line(orEmpty(id), orEmpty(number), orElse(m.text(LINE_NAME), id), orEmpty(queue), menu));
        }
        return lines;
    }

    /** A line's DTMF menu: keys 0-9, * and #, each naming a queue, a default queue and a timeout. */
    private LineMenu menu(YamlMap line) {
        YamlMap m = line.section(LINE_MENU, "lines[].menu");
        if (m == null) {
            return null;
        }
        String defaultQueue = m.id(MENU_DEFAULT);
        refs.expect("queue", defaultQueue, m.at(MENU_DEFAULT));
        Map<String, String> options = new LinkedHashMap<>();
        List<YamlMap.Entry> entries = m.entries(MENU_OPTIONS);
        for (YamlMap.Entry entry : entries) {
            String key = entry.key();
            if (key.length() != 1 || LineMenu.KEYS.indexOf(key.charAt(0)) < 0) {
                problems.add(entry.keyWhere(), "expected a key 0-9, * or # (one per option), got '" + key + "'");
                continue;
            }
            String queue = m.id(entry.value(), entry.valueWhere());
            refs.expect("queue", queue, entry.valueWhere());
            if (queue != null) {
                options.put(key, queue);
            }
        }
        if (m.has(MENU_OPTIONS) && entries.isEmpty() && m.value(MENU_OPTIONS) instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            problems.add(m.at(MENU_OPTIONS), "a menu needs at least one option, e.g. \"1\": sales");
        }
        return new LineMenu(prompt(m), m.whole(MENU_TIMEOUT_SECONDS), orEmpty(defaultQueue), options);
    }

    /**
     * The prompt's file relative to the YAML file (it must exist when that is on disk), or null for the built-in one.
     * The embedded default configuration's prompts are resources beside it: {@code classpath:...}.
     */
    private String prompt(YamlMap menu) {
        String text = menu.text(MENU_PROMPT);
        if (text == null || text.isEmpty() || BUILT_IN_PROMPT.equals(text)) {
            return null;
        }
        if (source instanceof Source.ClasspathSource) {
            String resource = source.sibling(text).name();
            try {
                dev.acd.core.audio.PromptWav.read(resource);
            } catch (java.nio.file.NoSuchFileException e) {
                problems.add(menu.at(MENU_PROMPT), "file '" + text + "' not found (looked for " + resource + ")");
                return null;
            } catch (java.io.IOException e) {
                problems.add(menu.at(MENU_PROMPT), e.getMessage());
                return null;
            }
            return resource;
        }
        Path path;
        try {
            path = source instanceof Source.FileSource file ? file.path().resolveSibling(text) : Path.of(text);
        } catch (InvalidPathException e) {
            problems.add(menu.at(MENU_PROMPT), "expected a WAV file path or 'builtin', got '" + text + "'");
            return null;
        }
        if (source instanceof Source.FileSource && !Files.isRegularFile(path)) {
            problems.add(menu.at(MENU_PROMPT), "file '" + text + "' not found (looked for " + path + ")");
            return null;
        }
        if (Files.isRegularFile(path)) {
            try {
                dev.acd.core.audio.PromptWav.read(path);
            } catch (java.io.IOException e) {
                problems.add(menu.at(MENU_PROMPT), e.getMessage());
                return null;
            }
        }
        return path.toString();
    }

    private List<Rep> reps() {
        List<Rep> reps = new ArrayList<>();
        for (YamlMap m : top.maps(REPS, "reps[]")) {
            String id = m.id(REP_ID);
            refs.define("rep", id, m.at(REP_ID));
            RepKind kind = m.choice(REP_KIND, RepKind.class);
            String team = m.id(REP_TEAM);
            refs.defineShared("team", team, m.at(REP_TEAM));
            Map<String, Integer> skills = skillLevels(m, REP_SKILLS);
            String partner = m.id(REP_PARTNER);
            if (kind == RepKind.PARTNER && partner == null && !m.has(REP_PARTNER)) {
                problems.add(m.at(REP_PARTNER), "a PARTNER rep needs partner (the partner organisation it works for)");
            } else if (kind != null && kind != RepKind.PARTNER && partner != null) {
                problems.add(m.at(REP_PARTNER), "only PARTNER reps belong to a partner organisation; this rep is " + kind);
            } else {
                refs.expect("partner organisation", partner, m.at(REP_PARTNER));
            }
            Reach reach = reach(m, id);
            ZoneId zone = m.has(REP_ZONE) ? m.zone(REP_ZONE) : centerZone;
            List<LiveWindow> windows = new ArrayList<>();
            for (YamlMap w : m.maps(REP_LIVE_WINDOWS, "reps[].liveWindows[]")) {
                LiveWindow window = liveWindow(w);
                if (window != null) {
                    windows.add(window);
                }
            }
            if (kind == RepKind.FIELD && !m.has(REP_LIVE_WINDOWS)) {
                problems.add(m.at(REP_LIVE_WINDOWS), "a FIELD rep needs at least one live window (when it takes live calls)");
            } else if (kind != null && kind != RepKind.FIELD && m.has(REP_LIVE_WINDOWS)) {
                problems.add(m.at(REP_LIVE_WINDOWS), "live windows are only for FIELD reps; this rep is " + kind);
            } else if (kind == RepKind.FIELD && m.list(REP_LIVE_WINDOWS).isEmpty()) {
                problems.add(m.at(REP_LIVE_WINDOWS), "a FIELD rep needs at least one live window (when it takes live calls)");
            }
            reps.add(new Rep(orEmpty(id), orElse(m.text(REP_NAME), id), kind == null ? RepKind.INSIDE : kind, team, skills,
                    m.text(REP_TERRITORY), partner, reach, windows, zone == null ? centerZone : zone));
        }
        return reps;
    }

    private Reach reach(YamlMap rep, String repId) {
        if (!rep.has(REP_REACH)) {
            String user = orEmpty(repId);
            defineSoftphone(user, repId, rep.at(REP_ID));
            return new Reach(ReachKind.SOFTPHONE, user);
        }
        YamlMap m = rep.section(REP_REACH, "reps[].reach");
        if (m == null) {
            return new Reach(ReachKind.SOFTPHONE, "");
        }
        int given = (m.has(REACH_SOFTPHONE) ? 1 : 0) + (m.has(REACH_OUTSIDE_NUMBER) ? 1 : 0) + (m.has(REACH_SIP_URI) ? 1 : 0);
        if (given != 1) {
            problems.add(m.self(), "reach needs exactly one of softphone, outsideNumber, sipUri; got " + given);
            return new Reach(ReachKind.SOFTPHONE, "");
        }
        if (m.has(REACH_SOFTPHONE)) {
            String user = m.text(REACH_SOFTPHONE);
            if (user != null && !user.matches("[A-Za-z0-9._~!$&'()*+,;=-]+")) {
                problems.add(m.at(REACH_SOFTPHONE), "expected a SIP user name (letters, digits and . _ - ~), got '" + user + "'");
            } else {
                defineSoftphone(user, repId, m.at(REACH_SOFTPHONE));
            }
            return new Reach(ReachKind.SOFTPHONE, orEmpty(user));
        }
        if (m.has(REACH_OUTSIDE_NUMBER)) {
            String number = m.text(REACH_OUTSIDE_NUMBER);
            if (number != null && (!PhoneNumbers.isValid(number) || !number.startsWith("+"))) {
                problems.add(m.at(REACH_OUTSIDE_NUMBER), "expected a number in E.164 form such as +1 312 555 0147, got '"
                        + number + "'");
            }
            return new Reach(ReachKind.OUTSIDE_NUMBER, number == null ? "" : "+" + CustomerDirectory.digits(number));
        }
        String uri = m.text(REACH_SIP_URI);
        if (uri != null && !uri.matches("(?i)sips?:[^\\s]+")) {
            problems.add(m.at(REACH_SIP_URI), "expected a SIP URI such as sip:maria@pbx.partner.example, got '" + uri + "'");
        }
        return new Reach(ReachKind.SIP_URI, orEmpty(uri));
    }

    private void defineSoftphone(String user, String repId, Where where) {
        if (user != null) {
            refs.define("softphone user", user, where);
            softphoneUsers.putIfAbsent(user, repId);
        }
    }

    private LiveWindow liveWindow(YamlMap m) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<YamlMap.Text> written = m.texts(WINDOW_DAYS);
        for (YamlMap.Text day : written) {
            Set<DayOfWeek> parsed = days(day.value());
            if (parsed == null) {
                problems.add(day.where(), "expected a day such as MON, TUESDAY or a range such as MON-FRI, got '"
                        + day.value() + "'");
            } else {
                days.addAll(parsed);
            }
        }
        if (written.isEmpty() && m.has(WINDOW_DAYS)) {
            problems.add(m.at(WINDOW_DAYS), "a live window needs at least one day");
        }
        LocalTime start = m.time(WINDOW_START);
        LocalTime end = m.time(WINDOW_END);
        if (start != null && start.equals(end)) {
            problems.add(m.at(WINDOW_END), "end is the same as start, so the window would be empty");
        }
        if (start == null || end == null || days.isEmpty()) {
            return null;
        }
        return new LiveWindow(days, start, end);
    }

    /** MON, Monday, or a range MON-FRI (wrapping past Sunday is allowed: FRI-MON); null when not a day. */
    static Set<DayOfWeek> days(String text) {
        String[] ends = text.trim().split("\\s*-\\s*");
        if (ends.length == 1) {
            DayOfWeek day = day(ends[0]);
            return day == null ? null : EnumSet.of(day);
        }
        if (ends.length != 2) {
            return null;
        }
        DayOfWeek from = day(ends[0]);
        DayOfWeek to = day(ends[1]);
        if (from == null || to == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.of(from);
        for (DayOfWeek d = from; d != to; ) {
            d = d.plus(1);
            days.add(d);
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || upper.length() == 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        return null;
    }

    private RoutingSettings routing() {
        YamlMap m = top.section(ROUTING, "routing");
        if (m == null) {
            return new RoutingSettings("", List.of(), MissPolicy.DEFAULT, 0, 0, centerZone);
        }
        String defaultSegment = m.id(DEFAULT_SEGMENT);
        refs.expect("segment", defaultSegment, m.at(DEFAULT_SEGMENT));
        List<ValueBand> bands = new ArrayList<>();
        for (YamlMap band : m.maps(VALUE_BANDS, "routing.valueBands[]")) {
            bands.add(new ValueBand(band.wholeLong(VALUE_BAND_MIN_VALUE), band.whole(VALUE_BAND_BOOST)));
        }
        MissPolicy misses = MissPolicy.DEFAULT;
        YamlMap missMap = m.section(MISSES, "routing.misses");
        if (missMap != null) {
            misses = new MissPolicy(missMap.whole(MISSES_NO_ANSWER), missMap.whole(MISSES_REJECTED),
                    missMap.whole(MISSES_BUSY), missMap.whole(MISSES_UNREACHABLE));
        }
        return new RoutingSettings(orEmpty(defaultSegment), bands, misses, m.whole(OUTBOUND_WRAP_UP_SECONDS),
                m.whole(PASSED_OVER_LIMIT), centerZone);
    }

    /** A map of skill id to level 1-10; every skill must be defined. */
    private Map<String, Integer> skillLevels(YamlMap m, dev.acd.config.Setting setting) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (YamlMap.Entry entry : m.entries(setting)) {
            refs.expect("skill", entry.key(), entry.keyWhere());
            Long level = m.whole(entry.value(), entry.valueWhere(), SKILL_LEVEL, (double) MIN_SKILL_LEVEL, (double) MAX_SKILL_LEVEL);
            if (level != null) {
                levels.put(entry.key(), level.intValue());
            }
        }
        return levels;
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String orElse(String text, String fallback) {
        return text != null ? text : orEmpty(fallback);
    }
}

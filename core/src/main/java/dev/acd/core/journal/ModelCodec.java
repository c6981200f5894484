package dev.acd.core.journal;

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
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.acd.core.journal.Fields.readBoolean;
import static dev.acd.core.journal.Fields.readCount;
import static dev.acd.core.journal.Fields.readEnum;
import static dev.acd.core.journal.Fields.readEnumSet;
import static dev.acd.core.journal.Fields.readInt;
import static dev.acd.core.journal.Fields.readLocalTime;
import static dev.acd.core.journal.Fields.readPresence;
import static dev.acd.core.journal.Fields.readString;
import static dev.acd.core.journal.Fields.readStringIntMap;
import static dev.acd.core.journal.Fields.readStringSet;
import static dev.acd.core.journal.Fields.writeBoolean;
import static dev.acd.core.journal.Fields.writeCount;
import static dev.acd.core.journal.Fields.writeEnum;
import static dev.acd.core.journal.Fields.writeEnumSet;
import static dev.acd.core.journal.Fields.writeInt;
import static dev.acd.core.journal.Fields.writeLocalTime;
import static dev.acd.core.journal.Fields.writePresence;
import static dev.acd.core.journal.Fields.writeString;
import static dev.acd.core.journal.Fields.writeStringIntMap;
import static dev.acd.core.journal.Fields.writeStringSet;

/**
 * Binary form of the routing model carried by {@code ConfigChanged}. Each record's components are written in
 * declaration order; nullable nested records get a presence byte first.
 */
final class ModelCodec {
    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    private static final RepKind[] REP_KINDS = RepKind.values();
    private static final ReachKind[] REACH_KINDS = ReachKind.values();
    private static final TierScope[] TIER_SCOPES = TierScope.values();
    private static final MaxWaitAction[] MAX_WAIT_ACTIONS = MaxWaitAction.values();
    /** The model's presence byte when its lines carry menus (1 is the original layout, without them). */
    private static final byte WITH_MENUS = 2;

    private ModelCodec() {
    }

    static void writeModel(BytesOut<?> out, RoutingModel model) {
        if (model == null) {
            out.writeByte((byte) 0);
            return;
        }
        boolean menus = model.lines().stream().anyMatch(line -> line.menu() != null);
        // A model without menus keeps the original layout byte for byte; 2 marks the layout with line menus.
        out.writeByte(menus ? WITH_MENUS : (byte) 1);
        List<Skill> skills = model.skills();
        writeCount(out, skills.size());
        for (int i = 0; i < skills.size(); i++) {
            writeString(out, skills.get(i).id());
            writeString(out, skills.get(i).name());
        }
        List<Segment> segments = model.segments();
        writeCount(out, segments.size());
        for (int i = 0; i < segments.size(); i++) {
            writeSegment(out, segments.get(i));
        }
        List<Queue> queues = model.queues();
        writeCount(out, queues.size());
        for (int i = 0; i < queues.size(); i++) {
            writeQueue(out, queues.get(i));
        }
        List<Line> lines = model.lines();
        writeCount(out, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            writeString(out, line.id());
            writeString(out, line.number());
            writeString(out, line.name());
            writeString(out, line.queueId());
            if (menus) {
                writeMenu(out, line.menu());
            }
        }
        List<Rep> reps = model.reps();
        writeCount(out, reps.size());
        for (int i = 0; i < reps.size(); i++) {
            writeRep(out, reps.get(i));
        }
        writeSettings(out, model.settings());
    }

    static RoutingModel readModel(BytesIn<?> in) {
        long position = in.readPosition();
        int layout = in.readUnsignedByte();
        if (layout < 0) {
            throw new java.nio.BufferUnderflowException();
        }
        if (layout == 0) {
            return null;
        }
        if (layout != 1 && layout != WITH_MENUS) {
            throw new JournalFormatException("field model at position " + position + " has presence byte " + layout
                    + " (expected 0, 1, or 2 for a model with line menus)");
        }
        boolean menus = layout == WITH_MENUS;
        int skillCount = readCount(in, "model.skills");
        List<Skill> skills = new ArrayList<>(skillCount);
        for (int i = 0; i < skillCount; i++) {
            skills.add(new Skill(readString(in), readString(in)));
        }
        int segmentCount = readCount(in, "model.segments");
        List<Segment> segments = new ArrayList<>(segmentCount);
        for (int i = 0; i < segmentCount; i++) {
            segments.add(readSegment(in));
        }
        int queueCount = readCount(in, "model.queues");
        List<Queue> queues = new ArrayList<>(queueCount);
        for (int i = 0; i < queueCount; i++) {
            queues.add(readQueue(in));
        }
        int lineCount = readCount(in, "model.lines");
        List<Line> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            lines.add(new Line(readString(in), readString(in), readString(in), readString(in),
                    menus ? readMenu(in) : null));
        }
        int repCount = readCount(in, "model.reps");
        List<Rep> reps = new ArrayList<>(repCount);
        for (int i = 0; i < repCount; i++) {
            reps.add(readRep(in));
        }
        return new RoutingModel(skills, segments, queues, lines, reps, readSettings(in));
    }

    private static void writeMenu(BytesOut<?> out, LineMenu menu) {
        if (!writePresence(out, menu)) {
            return;
        }
        writeString(out, menu.prompt());
        writeInt(out, menu.timeoutSeconds());
        writeString(out, menu.defaultQueue());
        writeCount(out, menu.options().size());
        for (Map.Entry<String, String> option : menu.options().entrySet()) {
            writeString(out, option.getKey());
            writeString(out, option.getValue());
        }
    }

    private static LineMenu readMenu(BytesIn<?> in) {
        if (!readPresence(in, "line.menu")) {
            return null;
        }
        String prompt = readString(in);
        int timeoutSeconds = readInt(in, "menu.timeoutSeconds");
        String defaultQueue = readString(in);
        int count = readCount(in, "menu.options");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            options.put(readString(in), readString(in));
        }
        return new LineMenu(prompt, timeoutSeconds, defaultQueue, options);
    }

    private static void writeSegment(BytesOut<?> out, Segment segment) {
        writeString(out, segment.id());
        writeString(out, segment.name());
        writeStringSet(out, segment.homeTeams());
        writeInt(out, segment.priority());
    }

    private static Segment readSegment(BytesIn<?> in) {
        return new Segment(readString(in), readString(in), readStringSet(in, "segment.homeTeams"),
                readInt(in, "segment.priority"));
    }

    static void writeSkillRequirements(BytesOut<?> out, List<SkillRequirement> skills) {
        writeCount(out, skills.size());
        for (int i = 0; i < skills.size(); i++) {
            writeString(out, skills.get(i).skill());
            writeInt(out, skills.get(i).minLevel());
        }
    }

    static List<SkillRequirement> readSkillRequirements(BytesIn<?> in, String field) {
        int count = readCount(in, field);
        List<SkillRequirement> skills = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            skills.add(new SkillRequirement(readString(in), readInt(in, field + ".minLevel")));
        }
        return skills;
    }

    private static void writeQueue(BytesOut<?> out, Queue queue) {
        writeString(out, queue.id());
        writeString(out, queue.name());
        writeSkillRequirements(out, queue.skills());
        List<Tier> tiers = queue.tiers();
        writeCount(out, tiers.size());
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            writeString(out, tier.name());
            writeInt(out, tier.afterSeconds());
            writeEnum(out, tier.scope());
            writeEnumSet(out, tier.kinds());
            writeBoolean(out, tier.offerCallback());
        }
        writeInt(out, queue.serviceLevelSeconds());
        writeInt(out, queue.serviceLevelGoalPercent());
        writeInt(out, queue.wrapUpSeconds());
        writeInt(out, queue.ringTimeoutSeconds());
        writeInt(out, queue.maxWaitSeconds());
        writeEnum(out, queue.maxWaitAction());
        writeString(out, queue.overflowQueue());
        writeInt(out, queue.shortAbandonSeconds());
        writeInt(out, queue.agingPointsPerMinute());
    }

    private static Queue readQueue(BytesIn<?> in) {
        String id = readString(in);
        String name = readString(in);
        List<SkillRequirement> skills = readSkillRequirements(in, "queue.skills");
        int tierCount = readCount(in, "queue.tiers");
        List<Tier> tiers = new ArrayList<>(tierCount);
        for (int i = 0; i < tierCount; i++) {
            tiers.add(new Tier(readString(in), readInt(in, "tier.afterSeconds"),
                    readEnum(in, TIER_SCOPES, "tier.scope"),
                    readEnumSet(in, REP_KINDS, RepKind.class, "tier.kinds"),
                    readBoolean(in, "tier.offerCallback")));
        }
        return new Queue(id, name, skills, tiers,
                readInt(in, "queue.serviceLevelSeconds"), readInt(in, "queue.serviceLevelGoalPercent"),
                readInt(in, "queue.wrapUpSeconds"), readInt(in, "queue.ringTimeoutSeconds"),
                readInt(in, "queue.maxWaitSeconds"), readEnum(in, MAX_WAIT_ACTIONS, "queue.maxWaitAction"),
                readString(in), readInt(in, "queue.shortAbandonSeconds"), readInt(in, "queue.agingPointsPerMinute"));
    }

    private static void writeRep(BytesOut<?> out, Rep rep) {
        writeString(out, rep.id());
        writeString(out, rep.name());
        writeEnum(out, rep.kind());
        writeString(out, rep.team());
        writeStringIntMap(out, rep.skills());
        writeString(out, rep.territory());
        writeString(out, rep.partner());
        if (writePresence(out, rep.reach())) {
            writeEnum(out, rep.reach().kind());
            writeString(out, rep.reach().address());
        }
        List<LiveWindow> windows = rep.liveWindows();
        writeCount(out, windows.size());
        for (int i = 0; i < windows.size(); i++) {
            LiveWindow window = windows.get(i);
            writeEnumSet(out, window.days());
            writeLocalTime(out, window.start());
            writeLocalTime(out, window.end());
        }
        writeString(out, rep.zone().getId());
    }

    private static Rep readRep(BytesIn<?> in) {
        String id = readString(in);
        String name = readString(in);
        RepKind kind = readEnum(in, REP_KINDS, "rep.kind");
        String team = readString(in);
        var skills = readStringIntMap(in, "rep.skills");
        String territory = readString(in);
        String partner = readString(in);
        Reach reach = readPresence(in, "rep.reach")
                ? new Reach(readEnum(in, REACH_KINDS, "reach.kind"), readString(in))
                : null;
        int windowCount = readCount(in, "rep.liveWindows");
        List<LiveWindow> windows = new ArrayList<>(windowCount);
        for (int i = 0; i < windowCount; i++) {
            windows.add(new LiveWindow(readEnumSet(in, DAYS, DayOfWeek.class, "liveWindow.days"),
                    readLocalTime(in, "liveWindow.start"), readLocalTime(in, "liveWindow.end")));
        }
        long zonePosition = in.readPosition();
        String zone = readString(in);
        if (zone == null) {
            throw new JournalFormatException("field rep.zone at position " + zonePosition + " is null");
        }
        return new Rep(id, name, kind, team, skills, territory, partner, reach, windows, ZoneId.of(zone));
    }

    private static void writeSettings(BytesOut<?> out, RoutingSettings settings) {
        if (!writePresence(out, settings)) {
            return;
        }
        writeString(out, settings.defaultSegment());
        List<ValueBand> bands = settings.valueBands();
        writeCount(out, bands.size());
        for (int i = 0; i < bands.size(); i++) {
            out.writeStopBit(bands.get(i).minValue());
            writeInt(out, bands.get(i).boost());
        }
        MissPolicy misses = settings.misses();
        if (writePresence(out, misses)) {
            writeInt(out, misses.noAnswer());
            writeInt(out, misses.rejected());
            writeInt(out, misses.busy());
            writeInt(out, misses.unreachable());
        }
        writeInt(out, settings.outboundWrapUpSeconds());
        writeInt(out, settings.passedOverLimit());
        writeString(out, settings.zone().getId());
    }

    private static RoutingSettings readSettings(BytesIn<?> in) {
        if (!readPresence(in, "model.settings")) {
            return null;
        }
        String defaultSegment = readString(in);
        int bandCount = readCount(in, "settings.valueBands");
        List<ValueBand> bands = new ArrayList<>(bandCount);
        for (int i = 0; i < bandCount; i++) {
            bands.add(new ValueBand(in.readStopBit(), readInt(in, "valueBand.boost")));
        }
        MissPolicy misses = readPresence(in, "settings.misses")
                ? new MissPolicy(readInt(in, "misses.noAnswer"), readInt(in, "misses.rejected"),
                        readInt(in, "misses.busy"), readInt(in, "misses.unreachable"))
                : null;
        int outboundWrapUpSeconds = readInt(in, "settings.outboundWrapUpSeconds");
        int passedOverLimit = readInt(in, "settings.passedOverLimit");
        String zone = readString(in);
        try {
            return new RoutingSettings(defaultSegment, bands, misses, outboundWrapUpSeconds, passedOverLimit,
                    zone == null ? null : ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            throw new JournalFormatException("field settings.zone holds an unknown time zone '" + zone + "'", e);
        }
    }
}

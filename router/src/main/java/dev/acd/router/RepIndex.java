package dev.acd.router;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Skill;

/**
 * Bit sets of reps by skill, team, kind and partner, plus the set of available reps, so a routing decision
 * intersects a few sets instead of scanning every rep. Rep i is bit i; reps are indexed in id order.
 * Runs on the router thread only.
 */
final class RepIndex {
    private final Map<String, Integer> skillIds = new HashMap<>();
    private final BitSet[] bySkill;
    /** Level by rep then skill id; 0 when the rep lacks the skill. */
    private final byte[][] levels;
    private final Map<String, BitSet> byTeam = new HashMap<>();
    private final Map<String, BitSet> byPartner = new HashMap<>();
    private final BitSet[] byKind = new BitSet[RepKind.values().length];
    private final int[][] skillsOfRep;
    private final Map<String, BitSet> byHomeTeamsOfSegment = new HashMap<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    private static final BitSet NONE = new BitSet();
    /** Ready, idle and (for field reps) inside a live window. */
    private final BitSet available;
    private int availableCount;
    private final int repCount;

    RepIndex(RoutingModel model, List<Rep> repsInIndexOrder) {
        repCount = repsInIndexOrder.size();
        for (Skill skill : model.skills()) {
            skillIds.putIfAbsent(skill.id(), skillIds.size());
        }
        for (Rep rep : repsInIndexOrder) {
            for (String skill : rep.skills().keySet()) {
                skillIds.putIfAbsent(skill, skillIds.size());
            }
        }
        bySkill = new BitSet[skillIds.size()];
        for (int s = 0; s < bySkill.length; s++) {
            bySkill[s] = new BitSet(repCount);
        }
        for (RepKind kind : RepKind.values()) {
            byKind[kind.ordinal()] = new BitSet(repCount);
        }
        levels = new byte[repCount][];
        skillsOfRep = new int[repCount][];
        for (int i = 0; i < repCount; i++) {
            Rep rep = repsInIndexOrder.get(i);
            levels[i] = new byte[skillIds.size()];
            for (Map.Entry<String, Integer> skill : rep.skills().entrySet()) {
                int id = skillIds.get(skill.getKey());
                levels[i][id] = (byte) Math.max(0, Math.min(Byte.MAX_VALUE, skill.getValue()));
                bySkill[id].set(i);
            }
            skillsOfRep[i] = rep.skills().keySet().stream().mapToInt(skillIds::get).sorted().toArray();
            byKind[rep.kind().ordinal()].set(i);
            if (rep.team() != null) {
                byTeam.computeIfAbsent(rep.team(), t -> new BitSet(repCount)).set(i);
            }
            if (rep.partner() != null) {
                byPartner.computeIfAbsent(rep.partner(), p -> new BitSet(repCount)).set(i);
            }
        }
        for (Segment segment : model.segments()) {
            BitSet members = new BitSet(repCount);
            for (String team : segment.homeTeams()) {
                BitSet teamReps = byTeam.get(team);
                if (teamReps != null) {
                    members.or(teamReps);
                }
            }
            byHomeTeamsOfSegment.put(segment.id(), members);
        }
        for (int i = 0; i < repCount; i++) {
            indexById.put(repsInIndexOrder.get(i).id(), i);
        }
        available = new BitSet(repCount);
    }

    /** Reps in any home team of a segment; empty for a segment the model does not have. Do not modify. */
    BitSet inHomeTeamsOf(String segment) {
        BitSet members = segment == null ? null : byHomeTeamsOfSegment.get(segment);
        return members == null ? NONE : members;
    }

    /** The index of a rep, or -1 when the model has no such rep. */
    int indexOf(String repId) {
        Integer index = repId == null ? null : indexById.get(repId);
        return index == null ? -1 : index;
    }

    /** Marks a rep available or not, keeping count so a busy center can tell "nobody" at once. */
    void setAvailable(int rep, boolean isAvailable) {
        if (available.get(rep) != isAvailable) {
            available.set(rep, isAvailable);
            availableCount += isAvailable ? 1 : -1;
        }
    }

    boolean isAvailable(int rep) {
        return available.get(rep);
    }

    int availableCount() {
        return availableCount;
    }

    /** The available reps as a bit set; read-only for callers. */
    BitSet available() {
        return available;
    }

    /** How many skills have ids: ids run from 0 to this, exclusive. */
    int skillCount() {
        return bySkill.length;
    }

    /** The id of a skill, or -1 when no rep has it and the model does not name it. */
    int skillId(String skill) {
        Integer id = skillIds.get(skill);
        return id == null ? -1 : id;
    }

    int level(int rep, int skillId) {
        return skillId < 0 ? 0 : levels[rep][skillId];
    }

    /** The ids of the skills a rep has, ascending. */
    int[] skillsOf(int rep) {
        return skillsOfRep[rep];
    }

    BitSet withSkill(int skillId) {
        return bySkill[skillId];
    }

    BitSet ofKind(RepKind kind) {
        return byKind[kind.ordinal()];
    }

    /** Reps of a team, or null when the team has none. */
    BitSet inTeam(String team) {
        return byTeam.get(team);
    }

    /** Reps of a partner organisation, or null when it has none. */
    BitSet ofPartner(String partner) {
        return partner == null ? null : byPartner.get(partner);
    }

    int repCount() {
        return repCount;
    }
}

package dev.acd.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sales rep who takes calls.
 *
 * @param skills      skill id to level, 1 (novice) to 10 (expert)
 * @param team        the team the rep belongs to; segments name the teams that are their home team
 * @param territory   sales territory, or null
 * @param partner     the partner organisation a {@link RepKind#PARTNER} rep works for, or null
 * @param liveWindows when a {@link RepKind#FIELD} rep takes live calls; empty means never for field reps
 * @param zone        the time zone the live windows are written in
 */
public record Rep(String id, String name, RepKind kind, String team, Map<String, Integer> skills, String territory,
                  String partner, Reach reach, List<LiveWindow> liveWindows, ZoneId zone) {

    public Rep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        skills = Map.copyOf(skills);
        liveWindows = List.copyOf(liveWindows);
        Objects.requireNonNull(zone, "zone");
    }

    /** The rep's level in a skill, 0 when the rep does not have it. */
    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** Whether the rep takes live calls at this instant: always for inside and partner reps, in a window for field reps. */
    public boolean takesLiveCallsAt(long epochMillis) {
        if (kind != RepKind.FIELD) {
            return true;
        }
        ZonedDateTime local = Instant.ofEpochMilli(epochMillis).atZone(zone);
        for (LiveWindow window : liveWindows) {
            if (window.contains(local.getDayOfWeek(), local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }
}

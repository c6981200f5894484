package dev.acd.router;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import dev.acd.core.model.LiveWindow;
import dev.acd.core.model.Rep;

/**
 * Field reps' live windows, checked once per minute of event time: {@link #minuteTurned} says when, then
 * {@link #refresh} updates each field rep's cached {@code live} flag. Runs on the router thread only.
 */
final class LiveWindows {
    private static final int MS_PER_MINUTE = 60_000;

    private List<RepState> fieldReps = List.of();
    private long lastMinute = Long.MIN_VALUE;
    /** The time of the check under way, and its local time in the zone of the last rep refreshed. */
    private long checkedAt;
    private ZoneId zone;
    private ZonedDateTime local;

    /** A new configuration whose reps' live flags were just set at {@code now}: the next check is next minute. */
    void reset(List<RepState> nextFieldReps, long now) {
        fieldReps = nextFieldReps;
        lastMinute = Math.floorDiv(now, MS_PER_MINUTE);
    }

    /** Whether {@code now} is in a later minute than the last check; if so a new check starts at {@code now}. */
    boolean minuteTurned(long now) {
        long minute = Math.floorDiv(now, MS_PER_MINUTE);
        if (minute == lastMinute) {
            return false;
        }
        lastMinute = minute;
        checkedAt = now;
        zone = null;
        local = null;
        return true;
    }

    /** The field reps of the configuration in force, in index order. */
    List<RepState> fieldReps() {
        return fieldReps;
    }

    /** Sets a field rep's {@code live} flag for the check under way; true when it changed. */
    boolean refresh(RepState rep) {
        // Same test as Rep.takesLiveCallsAt, with the local time computed once per time zone rather than per rep:
        // a thousand field reps otherwise cost a thousand zone conversions every minute, in one event's latency.
        if (!rep.rep.zone().equals(zone)) {
            zone = rep.rep.zone();
            local = Instant.ofEpochMilli(checkedAt).atZone(zone);
        }
        boolean live = inLiveWindow(rep.rep, local);
        if (live == rep.live) {
            return false;
        }
        rep.live = live;
        return true;
    }

    private static boolean inLiveWindow(Rep rep, ZonedDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        for (LiveWindow window : rep.liveWindows()) {
            if (window.contains(day, time)) {
                return true;
            }
        }
        return false;
    }
}

package dev.acd.core.stats;

import java.util.HashMap;
import java.util.Map;

import dev.acd.core.stats.GroupStore.Dim;

/**
 * Each rep's logged-in and not-ready time, counted into the intervals it passes through (split at interval
 * boundaries) as the rep's state changes. Runs on the projection's thread.
 */
final class RepTimeTracker {
    private final Intervals intervals;
    private final GroupStore store;
    private final Groups groups;
    private final Map<String, RepTime> reps = new HashMap<>();

    RepTimeTracker(Intervals intervals, GroupStore store, Groups groups) {
        this.intervals = intervals;
        this.store = store;
        this.groups = groups;
    }

    void loggedIn(String repId, long at) {
        RepTime rep = advance(repId, at);
        rep.loginSeen = true;
        rep.loggedIn = true;
        rep.notReady = true;
    }

    void ready(String repId, long at) {
        RepTime rep = advance(repId, at);
        if (isLoggedIn(rep)) {
            rep.notReady = false;
        }
    }

    void notReady(String repId, long at) {
        RepTime rep = advance(repId, at);
        if (isLoggedIn(rep)) {
            rep.notReady = true;
        }
    }

    void loggedOut(String repId, long at) {
        RepTime rep = advance(repId, at);
        rep.loginSeen = true;
        rep.loggedIn = false;
        rep.notReady = false;
        rep.busy = 0;
    }

    /**
     * Whether a ready or not-ready event applies to the rep. It logs in a rep whose log-in the journal never showed
     * (a journal that starts mid-day), but not one seen logging out: the router ignores such events until the rep
     * logs in again, and counting them would add logged-in time after the shift.
     */
    private static boolean isLoggedIn(RepTime rep) {
        if (!rep.loggedIn && !rep.loginSeen) {
            rep.loggedIn = true;
        }
        return rep.loggedIn;
    }

    /** The rep starts ({@code +1}) or ends ({@code -1}) a call or its wrap-up: not-ready time stops while busy. */
    void busy(String repId, long at, int delta) {
        RepTime rep = advance(repId, at);
        rep.busy = Math.max(0, rep.busy + delta);
    }

    /** Counts the rep's time up to {@code at} in the state it was in; returns the rep. */
    private RepTime advance(String repId, long at) {
        RepTime rep = reps.computeIfAbsent(repId, id -> new RepTime(id, at));
        if (at > rep.since) {
            if (rep.loggedIn) {
                spread(rep, rep.since, at, store);
            }
            rep.since = at;
        }
        return rep;
    }

    /** Adds the rep's logged-in (and not-ready) time in [from, to) to the intervals it passes through. */
    private void spread(RepTime rep, long from, long to, GroupStore into) {
        boolean countsNotReady = rep.notReady && rep.busy == 0;
        String kind = groups.kindOf(rep.repId);
        long start = intervals.start(from);
        while (start < to) {
            long next = intervals.next(start);
            long piece = Math.min(to, next) - Math.max(from, start);
            if (piece > 0) {
                count(into.acc(Dim.ALL, GroupStore.ALL_KEY, start), piece, countsNotReady);
                count(into.acc(Dim.REP, rep.repId, start), piece, countsNotReady);
                count(into.acc(Dim.KIND, kind, start), piece, countsNotReady);
            }
            start = next;
        }
    }

    private static void count(Accumulator a, long piece, boolean countsNotReady) {
        a.loggedInMs += piece;
        if (countsNotReady) {
            a.notReadyMs += piece;
        }
    }

    /** The earliest time a logged-in rep's running time is counted from; Long.MAX_VALUE if no rep is logged in. */
    long earliestRunning() {
        long first = Long.MAX_VALUE;
        for (RepTime rep : reps.values()) {
            if (rep.loggedIn) {
                first = Math.min(first, rep.since);
            }
        }
        return first;
    }

    /**
     * Rep time from each logged-in rep's last change up to {@code latestAt}, within [from, to), kept apart from the
     * stored figures so that a report does not change them.
     */
    GroupStore running(long from, long to, long latestAt) {
        GroupStore running = new GroupStore();
        for (RepTime rep : reps.values()) {
            long start = Math.max(rep.since, from);
            long end = Math.min(latestAt, to);
            if (rep.loggedIn && end > start) {
                spread(rep, start, end, running);
            }
        }
        return running;
    }

    /** A rep's login state, for logged-in and not-ready time. */
    private static final class RepTime {
        final String repId;
        boolean loggedIn;
        /** A RepLoggedIn or RepLoggedOut was seen: from then on only RepLoggedIn logs the rep in. */
        boolean loginSeen;
        boolean notReady;
        /** Calls the rep is on or wrapping up; not-ready time stops while it is above zero. */
        int busy;
        long since;

        RepTime(String repId, long since) {
            this.repId = repId;
            this.since = since;
        }
    }
}

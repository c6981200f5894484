package dev.acd.core.stats;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.QaRated;
import dev.acd.core.event.QaReviewRequested;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;

/**
 * Call and rep statistics as a pure function of the journal: fed event by event with {@link #apply(Event)}, queried
 * with {@link #report(Grouping, long, long)}. Live use applies events as they are journaled; a batch is a fresh
 * projection fed a range of the journal; both give the same numbers for the same events.
 *
 * <p>Every figure about a call counts in the 15-minute interval the call <em>arrived</em> in (and so in that
 * interval's day), whenever it happens; rep time (logged in, not ready) counts in the interval it passes in.
 * Queue figures count each visit in the queue's row and each call once everywhere else (offered at its first queue,
 * its wait from there); talk, hold, wrap, handle, transfers, dispositions and QA go to the rep who answered (and
 * that rep's kind). docs/statistics.md defines every metric and says which rows count visits and which calls.
 *
 * <p>Reads no clock: "now" is the latest event time seen, so rep time still running is counted up to it.
 * Per-call state lives only while the call does (until its last wrap-up ends), then a small record is kept
 * {@link #LATE_EVENT_RETENTION_MS} of event time for late dispositions and QA scores.
 *
 * <p>Not thread-safe: feed and query it from one thread (the journal tailer's), or guard it with one lock.
 */
public final class StatsProjection {
    /** How long (event time) a finished call is remembered so that late dispositions and QA scores find it. */
    public static final long LATE_EVENT_RETENTION_MS = 24 * 3600 * 1000L;
    /** A call that ended this long ago (event time) without its wrap-ups ending is closed anyway. */
    static final long WRAP_GRACE_MS = 3600 * 1000L;
    /** A call with no event for this long (event time) is closed anyway. */
    static final long STALE_CALL_MS = 24 * 3600 * 1000L;
    /** The service-level target assumed for a queue that no ConfigChanged has described. */
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;
    /** Group key of reps whose kind no ConfigChanged has told. */
    public static final String UNKNOWN_KIND = "UNKNOWN";

    private static final long SWEEP_EVERY_MS = Intervals.INTERVAL_MS;

    private final Intervals intervals;
    private final Groups groups;
    private final RepTimeTracker reps;
    private final CallRegistry registry;
    private final CallTracker calls;
    private final LegTracker legs;
    private final ReportBuilder reports;
    private long latestAt = Long.MIN_VALUE;
    private long nextSweepAt = Long.MIN_VALUE;

    /** A projection whose intervals and days are in UTC. */
    public StatsProjection() {
        this(ZoneOffset.UTC);
    }

    /** A projection whose 15-minute intervals and days are those of {@code zone}. */
    public StatsProjection(ZoneId zone) {
        this.intervals = new Intervals(Objects.requireNonNull(zone, "zone"));
        GroupStore store = new GroupStore();
        this.groups = new Groups(store);
        this.reps = new RepTimeTracker(intervals, store, groups);
        this.registry = new CallRegistry(reps);
        this.legs = new LegTracker(intervals, groups, reps, registry);
        this.calls = new CallTracker(intervals, groups, reps, registry, legs);
        this.reports = new ReportBuilder(intervals, store, reps);
    }

    public ZoneId zone() {
        return intervals.zone();
    }

    /** The latest event time seen (ms since the epoch), the projection's "now"; Long.MIN_VALUE before any event. */
    public long latestAt() {
        return latestAt;
    }

    /** How many calls the projection is tracking (arrived, not yet through their last wrap-up). */
    public int openCalls() {
        return registry.openCount();
    }

    /** Takes one event into account. Events must come in journal order. */
    public void apply(Event event) {
        Objects.requireNonNull(event, "event");
        long at = event.at();
        if (at > latestAt) {
            latestAt = at;
        }
        if (event instanceof CallArrived e) {
            calls.arrived(e);
        } else if (event instanceof CallClassified e) {
            calls.classified(e);
        } else if (event instanceof CallQueued e) {
            calls.queued(e);
        } else if (event instanceof CallOffered e) {
            calls.offered(e);
        } else if (event instanceof OfferFailed e) {
            calls.offerFailed(e);
        } else if (event instanceof CallAnswered e) {
            calls.answered(e);
        } else if (event instanceof CallHeld e) {
            legs.held(e);
        } else if (event instanceof CallResumed e) {
            legs.resumed(e);
        } else if (event instanceof CallTransferred e) {
            calls.transferred(e);
        } else if (event instanceof CallEnded e) {
            calls.ended(e);
        } else if (event instanceof CallAbandoned e) {
            calls.abandoned(e);
        } else if (event instanceof CallbackRequested e) {
            calls.callbackRequested(e);
        } else if (event instanceof MaxWaitReached e) {
            calls.maxWaitReached(e);
        } else if (event instanceof WrapUpStarted e) {
            legs.wrapUpStarted(e);
        } else if (event instanceof WrapUpEnded e) {
            legs.wrapUpEnded(e);
        } else if (event instanceof DispositionRecorded e) {
            legs.disposition(e);
        } else if (event instanceof QaScored e) {
            legs.qaScored(e);
        } else if (event instanceof QaRated e) {
            legs.qaRated(e);
        } else if (event instanceof QaReviewRequested e) {
            legs.qaReviewRequested(e);
        } else if (event instanceof RepLoggedIn e) {
            reps.loggedIn(e.repId(), at);
        } else if (event instanceof RepReady e) {
            reps.ready(e.repId(), at);
        } else if (event instanceof RepNotReady e) {
            reps.notReady(e.repId(), at);
        } else if (event instanceof RepMarkedNotReady e) {
            reps.notReady(e.repId(), at);
        } else if (event instanceof RepLoggedOut e) {
            reps.loggedOut(e.repId(), at);
        } else if (event instanceof ConfigChanged e) {
            for (Rep rep : e.model().reps()) {
                groups.kind(rep.id(), rep.kind());
            }
            for (Queue queue : e.model().queues()) {
                calls.queue(queue);
            }
        }
        // Tick, TierWidened, CallbackOffered, RecordingReady, RepReachable, RepUnreachable, SourceBlocked: only the
        // time they carry matters.
        if (latestAt >= nextSweepAt) {
            registry.sweep(latestAt);
            nextSweepAt = latestAt + SWEEP_EVERY_MS;
        }
    }

    /** A report over everything the projection has seen, by {@code by}. */
    public Report report(Grouping by) {
        return reports.everything(by, latestAt);
    }

    /**
     * Figures for the calls that arrived in [{@code fromAt}, {@code toAtExclusive}) and the rep time that passed in
     * it, one row per group. The range is widened to whole 15-minute intervals: every interval that overlaps it is
     * included, and the report says the range it covers. Rep time still running counts up to {@link #latestAt()}.
     *
     * @throws IllegalArgumentException if the range is empty or {@code by} is null
     */
    public Report report(Grouping by, long fromAt, long toAtExclusive) {
        return reports.report(by, fromAt, toAtExclusive, latestAt);
    }
}

package dev.acd.core.stats;

import static dev.acd.core.stats.Fixtures.config;
import static dev.acd.core.stats.Fixtures.queue;
import static dev.acd.core.stats.Fixtures.rep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.RepKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class StatsMetersTest {
    private static final long T0 = 1_767_600_000_000L;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StatsMeters meters = new StatsMeters(registry);

    private double counter(String name, String queue) {
        return registry.get(name).tag("queue", queue).counter().count();
    }

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }

    @Test
    void shouldCountQueueCallsAndShowWaitingAndLongestWaitAsOfTheLatestEvent() {
        meters.apply(config(T0, List.of(rep("r1", RepKind.INSIDE)), List.of(queue("sales", 20, 5))));
        meters.apply(new CallQueued(T0, 1, "sales", 1));
        meters.apply(new CallQueued(T0 + 10_000, 2, "sales", 1));
        meters.apply(new CallQueued(T0 + 20_000, 3, "sales", 1));
        meters.apply(new Tick(T0 + 30_000));
        assertEquals(3, gauge(StatsMeters.WAITING, "queue", "sales"));
        assertEquals(30, gauge(StatsMeters.LONGEST_WAIT, "queue", "sales"), 1e-9);

        meters.apply(new CallAnswered(T0 + 31_000, 1, "r1"));
        meters.apply(new CallAbandoned(T0 + 32_000, 2));
        meters.apply(new CallAbandoned(T0 + 23_000 + 10_000, 3)); // 13 s: not a short abandon
        assertEquals(3, counter(StatsMeters.OFFERED, "sales"));
        assertEquals(1, counter(StatsMeters.HANDLED, "sales"));
        assertEquals(2, counter(StatsMeters.ABANDONED, "sales"));
        assertEquals(0, gauge(StatsMeters.WAITING, "queue", "sales"));
        assertEquals(0, gauge(StatsMeters.LONGEST_WAIT, "queue", "sales"));

        meters.apply(new CallQueued(T0 + 40_000, 4, "sales", 1));
        meters.apply(new CallAbandoned(T0 + 42_000, 4));
        assertEquals(1, counter(StatsMeters.SHORT_ABANDONED, "sales"));
        assertEquals(2, counter(StatsMeters.ABANDONED, "sales"), "a 2 s abandon is short and counted apart");
    }

    @Test
    void shouldFollowRepsThroughTheirStates() {
        meters.apply(config(T0, List.of(rep("r1", RepKind.INSIDE), rep("r2", RepKind.FIELD)), List.of()));
        assertEquals(2, meters.reps(RepState.LOGGED_OUT));
        meters.apply(new RepLoggedIn(T0, "r1"));
        meters.apply(new RepLoggedIn(T0, "r2"));
        assertEquals(2, gauge(StatsMeters.REPS, "state", "NOT_READY"));
        meters.apply(new RepReady(T0 + 1, "r1"));
        meters.apply(new CallQueued(T0 + 2, 7, "sales", 1));
        meters.apply(new CallAnswered(T0 + 3, 7, "r1"));
        assertEquals(1, gauge(StatsMeters.REPS, "state", "ON_CALL"));
        meters.apply(new CallEnded(T0 + 4, 7, Party.CUSTOMER, "BYE"));
        meters.apply(new WrapUpStarted(T0 + 4, "r1", 7, T0 + 34));
        assertEquals(1, gauge(StatsMeters.REPS, "state", "WRAP_UP"));
        meters.apply(new WrapUpEnded(T0 + 34, "r1", 7));
        meters.apply(new RepNotReady(T0 + 35, "r2", "lunch"));
        assertEquals(1, gauge(StatsMeters.REPS, "state", "READY"));
        assertEquals(1, gauge(StatsMeters.REPS, "state", "NOT_READY"));
        assertEquals(0, gauge(StatsMeters.REPS, "state", "LOGGED_OUT"));
        assertEquals(0, gauge(StatsMeters.REPS, "state", "ON_CALL"));
    }

    @Test
    void shouldStopShowingACallAsWaitingAtMaxWaitEvenWhenNoLaterEventComes() {
        meters.apply(config(T0, List.of(), List.of(queue("sales", 20, 5), queue("support", 30, 5))));
        meters.apply(new CallQueued(T0, 1, "sales", 1));
        meters.apply(new CallQueued(T0, 2, "sales", 1));
        meters.apply(new CallQueued(T0, 3, "sales", 1));
        meters.apply(new MaxWaitReached(T0 + 120_000, 1, "sales", MaxWaitAction.HANG_UP));
        meters.apply(new MaxWaitReached(T0 + 120_000, 2, "sales", MaxWaitAction.CALLBACK));
        meters.apply(new MaxWaitReached(T0 + 120_000, 3, "sales", MaxWaitAction.OVERFLOW));
        meters.apply(new CallQueued(T0 + 120_000, 3, "support", 1));
        meters.apply(new Tick(T0 + 130_000));
        assertEquals(0, gauge(StatsMeters.WAITING, "queue", "sales"));
        assertEquals(0, gauge(StatsMeters.LONGEST_WAIT, "queue", "sales"));
        assertEquals(1, gauge(StatsMeters.WAITING, "queue", "support"));

        meters.apply(new CallAbandoned(T0 + 131_000, 1));
        meters.apply(new CallEnded(T0 + 131_000, 1, Party.SYSTEM, "max wait"));
        meters.apply(new CallbackRequested(T0 + 131_000, 2, "+15550100"));
        assertEquals(0, counter(StatsMeters.ABANDONED, "sales") + counter(StatsMeters.SHORT_ABANDONED, "sales"),
                "hang-ups after the router ended the wait are not the caller abandoning");
        assertEquals(0, counter(StatsMeters.HANDLED, "sales"));
        assertEquals(1, counter(StatsMeters.OFFERED, "support"));
    }

    @Test
    void shouldKeepARepLoggedOutWhenReadyOrNotReadyComesAfterItLoggedOut() {
        meters.apply(config(T0, List.of(rep("r1", RepKind.INSIDE)), List.of()));
        meters.apply(new RepLoggedIn(T0, "r1"));
        meters.apply(new RepLoggedOut(T0 + 1_000, "r1"));
        meters.apply(new RepReady(T0 + 2_000, "r1"));
        meters.apply(new RepNotReady(T0 + 3_000, "r1", "break"));
        assertEquals(1, meters.reps(RepState.LOGGED_OUT));

        meters.apply(new RepReady(T0 + 4_000, "r9")); // a rep first seen mid-day is taken as logged in
        assertEquals(1, meters.reps(RepState.READY));
    }
}

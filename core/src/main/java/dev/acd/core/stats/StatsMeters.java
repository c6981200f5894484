package dev.acd.core.stats;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Live figures as Micrometer meters, fed the same events as a {@link StatsProjection}:
 * <ul>
 *   <li>{@value #OFFERED}, {@value #HANDLED}, {@value #ABANDONED}, {@value #SHORT_ABANDONED}: counters per
 *       {@code queue} tag (abandons under the queue's short-abandon threshold count only in the last);</li>
 *   <li>{@value #WAITING}: gauge of calls waiting per {@code queue} (queued, not yet answered or gone);</li>
 *   <li>{@value #LONGEST_WAIT}: gauge of the oldest waiting call's wait per {@code queue}, in seconds, as of the
 *       latest event time (0 when nobody waits);</li>
 *   <li>{@value #REPS}: gauge of reps per {@code state} tag, one of {@link RepState}.</li>
 * </ul>
 * Queues appear when configured or first seen; reps known from the configuration start logged out.
 *
 * <p>Threading: {@link #apply(Event)} from one thread; the registry may read the gauges from any thread.
 */
public final class StatsMeters {
    public static final String OFFERED = "acd.calls.offered";
    public static final String HANDLED = "acd.calls.handled";
    public static final String ABANDONED = "acd.calls.abandoned";
    public static final String SHORT_ABANDONED = "acd.calls.abandoned.short";
    public static final String WAITING = "acd.queue.waiting";
    public static final String LONGEST_WAIT = "acd.queue.longest.wait";
    public static final String REPS = "acd.reps";

    private final MeterRegistry registry;
    private final Map<String, QueueMeters> queues = new HashMap<>();
    private final Map<Long, LiveCall> calls = new HashMap<>();
    private final Map<String, LiveRep> reps = new HashMap<>();
    private final EnumMap<RepState, AtomicInteger> repsByState = new EnumMap<>(RepState.class);
    private volatile long latestAt = Long.MIN_VALUE;

    /** Registers the rep-state gauges at once; queue meters follow as queues become known. */
    public StatsMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (RepState state : RepState.values()) {
            AtomicInteger count = new AtomicInteger();
            repsByState.put(state, count);
            Gauge.builder(REPS, count, AtomicInteger::get).tag("state", state.name())
                    .description("reps by state").register(registry);
        }
    }

    /** Takes one event into account, in journal order. */
    public void apply(Event event) {
        if (event.at() > latestAt) {
            latestAt = event.at();
        }
        if (event instanceof CallQueued e) {
            LiveCall call = calls.computeIfAbsent(e.callId(), id -> new LiveCall());
            if (VisitRule.continuesVisit(call.waitingIn == null ? null : call.waitingIn.id, e)) {
                return;
            }
            leaveQueue(e.callId(), call);
            QueueMeters queue = queue(e.queueId());
            queue.offered.increment();
            queue.join(e.callId(), e.at());
            call.waitingIn = queue;
            call.queuedAt = e.at();
        } else if (event instanceof CallAnswered e) {
            LiveCall call = calls.computeIfAbsent(e.callId(), id -> new LiveCall());
            if (call.waitingIn != null) {
                call.waitingIn.handled.increment();
                leaveQueue(e.callId(), call);
            }
            if (!e.repId().equals(call.repId)) {
                endTalk(call);
                call.repId = e.repId();
                change(e.repId(), rep -> rep.calls++);
            }
        } else if (event instanceof CallAbandoned e) {
            LiveCall call = calls.remove(e.callId());
            if (call != null) {
                if (call.waitingIn != null) {
                    boolean isShort = e.at() - call.queuedAt < call.waitingIn.shortAbandonMs;
                    (isShort ? call.waitingIn.shortAbandoned : call.waitingIn.abandoned).increment();
                    leaveQueue(e.callId(), call);
                }
                endTalk(call);
            }
        } else if (event instanceof CallbackRequested e) {
            LiveCall call = calls.remove(e.callId());
            if (call != null) {
                leaveQueue(e.callId(), call);
                endTalk(call);
            }
        } else if (event instanceof MaxWaitReached e) {
            // The wait ends here even if call control journals nothing more; a later hang-up is no abandon.
            LiveCall call = VisitRule.endsCall(e) ? calls.remove(e.callId()) : calls.get(e.callId());
            if (call != null) {
                leaveQueue(e.callId(), call);
            }
        } else if (event instanceof CallTransferred e) {
            LiveCall call = calls.get(e.callId());
            if (call != null) {
                endTalk(call);
            }
        } else if (event instanceof CallEnded e) {
            LiveCall call = calls.remove(e.callId());
            if (call != null) {
                leaveQueue(e.callId(), call);
                endTalk(call);
            }
        } else if (event instanceof CallArrived e) {
            if (e.direction() == Direction.OUTBOUND && e.repId() != null) {
                LiveCall call = calls.computeIfAbsent(e.callId(), id -> new LiveCall());
                call.repId = e.repId(); // dialling counts as on a call
                change(e.repId(), rep -> rep.calls++);
            }
        } else if (event instanceof WrapUpStarted e) {
            change(e.repId(), rep -> rep.wrapUps++);
        } else if (event instanceof WrapUpEnded e) {
            change(e.repId(), rep -> rep.wrapUps = Math.max(0, rep.wrapUps - 1));
        } else if (event instanceof RepLoggedIn e) {
            change(e.repId(), rep -> {
                rep.loginSeen = true;
                rep.loggedIn = true;
                rep.notReady = true;
            });
        } else if (event instanceof RepReady e) {
            change(e.repId(), rep -> rep.setNotReady(false));
        } else if (event instanceof RepNotReady e) {
            change(e.repId(), rep -> rep.setNotReady(true));
        } else if (event instanceof RepMarkedNotReady e) {
            change(e.repId(), rep -> rep.setNotReady(true));
        } else if (event instanceof RepLoggedOut e) {
            change(e.repId(), rep -> {
                rep.loginSeen = true;
                rep.loggedIn = false;
                rep.notReady = false;
                rep.calls = 0;
                rep.wrapUps = 0;
            });
        } else if (event instanceof ConfigChanged e) {
            for (Queue q : e.model().queues()) {
                queue(q.id()).shortAbandonMs = q.shortAbandonSeconds() * 1000L;
            }
            for (Rep r : e.model().reps()) {
                change(r.id(), rep -> { });
            }
        }
    }

    /** Calls waiting in a queue now (0 for an unknown queue). */
    public int waiting(String queueId) {
        QueueMeters queue = queues.get(queueId);
        return queue == null ? 0 : queue.waitingCount.get();
    }

    /** How many reps are in a state now. */
    public int reps(RepState state) {
        return repsByState.get(state).get();
    }

    private QueueMeters queue(String queueId) {
        return queues.computeIfAbsent(queueId, id -> new QueueMeters(id, registry, this));
    }

    private void leaveQueue(long callId, LiveCall call) {
        if (call.waitingIn != null) {
            call.waitingIn.leave(callId);
            call.waitingIn = null;
        }
    }

    private void endTalk(LiveCall call) {
        if (call.repId != null) {
            change(call.repId, rep -> rep.calls = Math.max(0, rep.calls - 1));
            call.repId = null;
        }
    }

    private void change(String repId, java.util.function.Consumer<LiveRep> how) {
        LiveRep rep = reps.computeIfAbsent(repId, id -> {
            repsByState.get(RepState.LOGGED_OUT).incrementAndGet();
            return new LiveRep();
        });
        RepState before = rep.state();
        how.accept(rep);
        RepState after = rep.state();
        if (before != after) {
            repsByState.get(before).decrementAndGet();
            repsByState.get(after).incrementAndGet();
        }
    }

    private double longestWaitSeconds(QueueMeters queue) {
        long oldest = queue.oldestQueuedAt;
        return oldest == Long.MIN_VALUE ? 0 : Math.max(0, latestAt - oldest) / 1000.0;
    }

    /** One queue's meters and the calls waiting in it, oldest first. */
    private static final class QueueMeters {
        final String id;
        final Counter offered;
        final Counter handled;
        final Counter abandoned;
        final Counter shortAbandoned;
        /** Call id to queued time, in queueing order, so the first entry is the longest waiting. */
        final LinkedHashMap<Long, Long> waiting = new LinkedHashMap<>();
        final AtomicInteger waitingCount = new AtomicInteger();
        volatile long oldestQueuedAt = Long.MIN_VALUE;
        long shortAbandonMs;

        QueueMeters(String id, MeterRegistry registry, StatsMeters owner) {
            this.id = id;
            offered = Counter.builder(OFFERED).tag("queue", id).description("calls that reached the queue")
                    .register(registry);
            handled = Counter.builder(HANDLED).tag("queue", id).description("calls answered from the queue")
                    .register(registry);
            abandoned = Counter.builder(ABANDONED).tag("queue", id)
                    .description("callers who hung up while waiting, short abandons excluded").register(registry);
            shortAbandoned = Counter.builder(SHORT_ABANDONED).tag("queue", id)
                    .description("callers who hung up before the short-abandon threshold").register(registry);
            Gauge.builder(WAITING, waitingCount, AtomicInteger::get).tag("queue", id)
                    .description("calls waiting in the queue").register(registry);
            Gauge.builder(LONGEST_WAIT, this, owner::longestWaitSeconds).tag("queue", id).baseUnit("seconds")
                    .description("wait of the longest-waiting call, as of the latest event").register(registry);
        }

        void join(long callId, long at) {
            waiting.put(callId, at);
            waitingCount.set(waiting.size());
            if (waiting.size() == 1) {
                oldestQueuedAt = at;
            }
        }

        void leave(long callId) {
            if (waiting.remove(callId) != null) {
                waitingCount.set(waiting.size());
                oldestQueuedAt = waiting.isEmpty() ? Long.MIN_VALUE : waiting.values().iterator().next();
            }
        }
    }

    private static final class LiveCall {
        QueueMeters waitingIn;
        long queuedAt;
        String repId;
    }

    private static final class LiveRep {
        boolean loggedIn;
        /** A RepLoggedIn or RepLoggedOut was seen: from then on only RepLoggedIn logs the rep in. */
        boolean loginSeen;
        boolean notReady;
        int calls;
        int wrapUps;

        /**
         * Ready or not ready; this logs in a rep whose log-in was never seen (meters started mid-day), but not one
         * that logged out, as the router ignores these events until the rep logs in again.
         */
        void setNotReady(boolean value) {
            if (!loggedIn && !loginSeen) {
                loggedIn = true;
            }
            if (loggedIn) {
                notReady = value;
            }
        }

        RepState state() {
            if (!loggedIn) {
                return RepState.LOGGED_OUT;
            }
            if (calls > 0) {
                return RepState.ON_CALL;
            }
            if (wrapUps > 0) {
                return RepState.WRAP_UP;
            }
            return notReady ? RepState.NOT_READY : RepState.READY;
        }
    }
}

package dev.acd.api.live;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import dev.acd.calls.QueueStandingsProjection;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.stats.RepState;

/**
 * What is happening now, as a function of the journal: queues, each rep's state, and the calls in progress. Follows
 * the router's rules for rep states (a rep logs in not ready; ready ends a wrap-up; events for a logged-out rep
 * change nothing) so that it shows what the router does. Records which queues, reps and calls each event changed,
 * for the live feed. Runs on the live thread only.
 */
public final class LiveModel {
    /** What a call in progress is doing. */
    public enum CallPhase { ARRIVED, QUEUED, RINGING, TALKING, HELD, TRANSFERRING }

    /** A rep as the router sees it. */
    public static final class RepNow {
        final String id;
        String name;
        String kind;
        boolean loggedIn;
        boolean ready;
        String reason;
        /** The call ringing, talking or being wrapped up; 0 when none. */
        long callId;
        boolean ringing;
        boolean talking;
        boolean wrapping;
        long wrapEndsAt;
        long since;
        RepState shown = RepState.LOGGED_OUT;

        RepNow(String id) {
            this.id = id;
            this.name = id;
        }

        public String id() {
            return id;
        }

        /** The not-ready reason code, or null. */
        public String reasonNow() {
            return reason;
        }

        public RepState state() {
            if (!loggedIn && !talking && !wrapping) {
                return RepState.LOGGED_OUT;
            }
            if (talking) {
                return RepState.ON_CALL;
            }
            if (wrapping) {
                return RepState.WRAP_UP;
            }
            return ready ? RepState.READY : RepState.NOT_READY;
        }
    }

    /** A call in progress. */
    public static final class CallNow {
        final long callId;
        final long arrivedAt;
        Direction direction = Direction.INBOUND;
        String from;
        String lineId;
        String queueId;
        String segment;
        String customerId;
        long value;
        CallPhase phase = CallPhase.ARRIVED;
        long queuedAt;
        String repId;
        long answeredAt;

        CallNow(long callId, long arrivedAt) {
            this.callId = callId;
            this.arrivedAt = arrivedAt;
        }

        public long callId() {
            return callId;
        }

        public String repId() {
            return repId;
        }

        boolean waiting() {
            return phase == CallPhase.QUEUED || phase == CallPhase.RINGING;
        }
    }

    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Rep> configured = new LinkedHashMap<>();
    private final Map<String, RepNow> reps = new LinkedHashMap<>();
    private final Map<Long, CallNow> calls = new LinkedHashMap<>();
    private final Set<String> changedQueues = new HashSet<>();
    private final Set<String> changedReps = new HashSet<>();
    private final Set<Long> changedCalls = new HashSet<>();
    /** Calls that ended since the last drain, with the rep they were shown to (for a rep's feed). */
    private final Map<Long, String> endedCalls = new LinkedHashMap<>();
    /** Places in the queues and the queues' answer pace, for the expected wait (the same figures callers hear). */
    private final QueueStandingsProjection standings = new QueueStandingsProjection();

    /** Starts from the configuration's queues and reps, all logged out, until the journal says otherwise. */
    public LiveModel(RoutingModel model) {
        configure(model);
    }

    public Map<String, Queue> queues() {
        return queues;
    }

    public Map<String, RepNow> reps() {
        return reps;
    }

    public Map<Long, CallNow> calls() {
        return calls;
    }

    /** The rep as the latest configuration describes it, or null. */
    public Rep configured(String id) {
        return configured.get(id);
    }

    public RepNow rep(String id) {
        return reps.get(id);
    }

    /** The queues' standings: where calls wait and how fast each queue answers. */
    public QueueStandingsProjection standings() {
        return standings;
    }

    public void apply(Event event) {
        standings.apply(event);
        long at = event.at();
        if (event instanceof ConfigChanged e) {
            configure(e.model());
        } else if (event instanceof CallArrived e) {
            CallNow call = new CallNow(e.callId(), at);
            call.direction = e.direction();
            call.from = e.from();
            call.lineId = e.lineId();
            calls.put(e.callId(), call);
            if (e.direction() == Direction.OUTBOUND && e.repId() != null) {
                call.repId = e.repId();
                call.phase = CallPhase.TALKING;
                rep(e.repId(), at, r -> {
                    r.callId = e.callId();
                    r.talking = true;
                });
            }
            changedCalls.add(e.callId());
        } else if (event instanceof CallClassified e) {
            call(e, c -> {
                c.segment = e.segment();
                c.customerId = e.customerId();
                c.value = e.value();
                if (e.queueId() != null) {
                    c.queueId = e.queueId();
                }
            });
        } else if (event instanceof CallQueued e) {
            call(e, c -> {
                boolean sameVisit = c.waiting() && e.queueId().equals(c.queueId);
                touchQueue(c.queueId);
                c.queueId = e.queueId();
                if (!sameVisit) {
                    c.queuedAt = at;
                }
                c.phase = CallPhase.QUEUED;
                c.repId = null;
                touchQueue(c.queueId);
            });
        } else if (event instanceof CallOffered e) {
            call(e, c -> {
                c.phase = CallPhase.RINGING;
                c.repId = e.repId();
            });
            rep(e.repId(), at, r -> {
                r.ringing = true;
                r.callId = e.callId();
            });
        } else if (event instanceof OfferFailed e) {
            call(e, c -> {
                c.phase = CallPhase.QUEUED;
                c.repId = null;
            });
            rep(e.repId(), at, r -> release(r, e.callId()));
        } else if (event instanceof CallAnswered e) {
            call(e, c -> {
                touchQueue(c.queueId);
                c.phase = CallPhase.TALKING;
                c.repId = e.repId();
                c.answeredAt = at;
            });
            rep(e.repId(), at, r -> {
                r.ringing = false;
                r.talking = true;
                r.callId = e.callId();
            });
        } else if (event instanceof CallHeld e) {
            call(e, c -> c.phase = CallPhase.HELD);
        } else if (event instanceof CallResumed e) {
            call(e, c -> c.phase = CallPhase.TALKING);
        } else if (event instanceof CallTransferred e) {
            call(e, c -> {
                c.phase = CallPhase.TRANSFERRING;
                c.repId = null;
            });
            rep(e.repId(), at, r -> release(r, e.callId()));
        } else if (event instanceof CallEnded e) {
            end(e.callId(), at);
        } else if (event instanceof CallAbandoned e) {
            end(e.callId(), at);
        } else if (event instanceof CallbackRequested e) {
            end(e.callId(), at);
        } else if (event instanceof MaxWaitReached e && e.action() != MaxWaitAction.OVERFLOW) {
            end(e.callId(), at);
        } else if (event instanceof WrapUpStarted e) {
            rep(e.repId(), at, r -> {
                release(r, e.callId());
                r.wrapping = true;
                r.callId = e.callId();
                r.wrapEndsAt = e.endsAt();
            });
        } else if (event instanceof WrapUpEnded e) {
            rep(e.repId(), at, r -> {
                if (r.wrapping && r.callId == e.callId()) {
                    r.wrapping = false;
                    r.callId = 0;
                }
            });
        } else if (event instanceof RepLoggedIn e) {
            rep(e.repId(), at, r -> {
                if (!r.loggedIn) {
                    r.loggedIn = true;
                    r.ready = false;
                    r.reason = "logged-in";
                }
            });
        } else if (event instanceof RepReady e) {
            rep(e.repId(), at, r -> {
                if (r.loggedIn) {
                    r.ready = true;
                    r.reason = null;
                }
            });
        } else if (event instanceof RepNotReady e) {
            notReady(e.repId(), e.reason(), at);
        } else if (event instanceof RepMarkedNotReady e) {
            notReady(e.repId(), e.reason(), at);
        } else if (event instanceof RepLoggedOut e) {
            rep(e.repId(), at, r -> {
                if (r.loggedIn) {
                    r.loggedIn = false;
                    r.ready = false;
                    r.reason = null;
                    r.ringing = false;
                    r.wrapping = false;
                    if (!r.talking) {
                        r.callId = 0;
                    }
                }
            });
        }
    }

    /** The queues, reps and calls changed since the last drain, and the calls that ended; then forgets them. */
    public Changes drain() {
        Changes changes = new Changes(Set.copyOf(changedQueues), Set.copyOf(changedReps), Set.copyOf(changedCalls),
                Map.copyOf(endedCalls));
        changedQueues.clear();
        changedReps.clear();
        changedCalls.clear();
        endedCalls.clear();
        return changes;
    }

    /** What changed in one drain. {@code endedCalls} maps each ended call to the rep it was with, or "". */
    public record Changes(Set<String> queues, Set<String> reps, Set<Long> calls, Map<Long, String> endedCalls) {
        public boolean isEmpty() {
            return queues.isEmpty() && reps.isEmpty() && calls.isEmpty() && endedCalls.isEmpty();
        }
    }

    private void configure(RoutingModel model) {
        for (Queue queue : model.queues()) {
            queues.put(queue.id(), queue);
            changedQueues.add(queue.id());
        }
        for (Rep rep : model.reps()) {
            configured.put(rep.id(), rep);
            RepNow now = reps.computeIfAbsent(rep.id(), RepNow::new);
            now.name = rep.name() == null ? rep.id() : rep.name();
            now.kind = rep.kind().name();
            changedReps.add(rep.id());
        }
    }

    private void notReady(String repId, String reason, long at) {
        rep(repId, at, r -> {
            if (r.loggedIn) {
                r.ready = false;
                r.reason = reason;
            }
        });
    }

    private static void release(RepNow rep, long callId) {
        if (rep.callId == callId) {
            rep.ringing = false;
            rep.talking = false;
            if (!rep.wrapping) {
                rep.callId = 0;
            }
        }
    }

    private void end(long callId, long at) {
        CallNow call = calls.remove(callId);
        if (call == null) {
            return;
        }
        touchQueue(call.queueId);
        changedCalls.remove(callId);
        endedCalls.put(callId, call.repId == null ? "" : call.repId);
        if (call.repId != null) {
            rep(call.repId, at, r -> {
                // A ringing rep is free again; a talking one waits for its wrap-up (WrapUpStarted releases it).
                if (r.callId == callId && r.ringing) {
                    release(r, callId);
                }
                if (r.callId == callId && r.talking) {
                    r.talking = false;
                }
            });
        }
    }

    private void call(CallEvent event, Consumer<CallNow> how) {
        CallNow call = calls.get(event.callId());
        if (call == null) {
            // A call whose arrival is not in the journal we read: track it from here.
            call = new CallNow(event.callId(), ((Event) event).at());
            calls.put(event.callId(), call);
        }
        how.accept(call);
        changedCalls.add(event.callId());
    }

    private void rep(String repId, long at, Consumer<RepNow> how) {
        RepNow rep = reps.computeIfAbsent(repId, RepNow::new);
        String reasonBefore = rep.reason;
        how.accept(rep);
        RepState after = rep.state();
        if (after != rep.shown || !Objects.equals(reasonBefore, rep.reason)) {
            rep.shown = after;
            rep.since = at;
        }
        changedReps.add(repId);
        // A rep's state is part of its queues' "reps by state".
        changedQueues.addAll(queues.keySet());
    }

    private void touchQueue(String queueId) {
        if (queueId != null) {
            changedQueues.add(queueId);
        }
    }
}

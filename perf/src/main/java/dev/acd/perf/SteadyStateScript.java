package dev.acd.perf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.Command;
import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.SkillRequirement;
import dev.acd.router.RoutingEngine;
import dev.acd.router.RoutingOutput;

/**
 * A recorded stream of router inputs that keeps a large center in a steady state: every rep logged in and mostly
 * busy, about {@code targetWaiting} calls waiting. Calls arrive and are classified, offers are answered (a few
 * ring out), calls end, wrap-ups end (half by the rep saying ready, half by the timer), callers abandon or take a
 * callback, and ticks move time.
 *
 * <p>How it is made: a plain {@link RoutingEngine} is driven in simulated time by a fake call-control side that
 * answers its commands (an offer is answered a few seconds later, a call ends minutes later). The inputs are
 * recorded; since the engine is deterministic, replaying them into a fresh engine gives the same decisions, which
 * is what the benchmarks do. The recording also keeps what a replay must produce, so a benchmark can check its
 * own result.
 *
 * <p>{@link #warmUp} (configuration, log-ins, the first calls and ten minutes of traffic) brings a fresh engine to
 * the steady state; {@link #steady} is the part to measure.
 */
public final class SteadyStateScript {
    private static final int TICK_MS = 250;
    private static final int WARM_UP_MS = 600_000;
    private static final double MEAN_TALK_MS = 180_000;
    private static final double MEAN_PATIENCE_MS = 240_000;

    public final RoutingModel model;
    public final int targetWaiting;
    public final Event[] warmUp;
    public final Event[] steady;
    /** Router decisions caused by the steady part. */
    public final long steadyDecisions;
    /** Commands caused by the steady part, and for each the index in {@link #steady} of the event that caused it. */
    public final long steadyCommands;
    public final int[] commandCause;
    /** What the pipeline journals for the steady part: events (less ticks that decided nothing) plus decisions. */
    public final long steadyJournaled;
    /** Offers made during the steady part. */
    public final long steadyOffers;
    /** {@link RoutingEngine#ignoredEvents()} after the warm-up and after the steady part. */
    public final long ignoredAfterWarmUp;
    public final long ignoredAfterSteady;
    /** Waiting calls when the steady part starts, and the least and most seen during it. */
    public final int waitingAtStart;
    public final int minWaiting;
    public final int maxWaiting;
    /** Simulated time the steady part covers, in ms. */
    public final long steadySpanMs;

    private SteadyStateScript(Recorder r) {
        model = r.model;
        targetWaiting = r.targetWaiting;
        warmUp = r.events.subList(0, r.warmUpEnd).toArray(new Event[0]);
        steady = r.events.subList(r.warmUpEnd, r.events.size()).toArray(new Event[0]);
        steadyDecisions = r.steadyDecisions;
        steadyCommands = r.commandCause.size();
        commandCause = r.commandCause.stream().mapToInt(Integer::intValue).toArray();
        steadyJournaled = r.steadyJournaled;
        steadyOffers = r.steadyOffers;
        ignoredAfterWarmUp = r.ignoredAfterWarmUp;
        ignoredAfterSteady = r.engine.ignoredEvents();
        waitingAtStart = r.waitingAtStart;
        minWaiting = r.minWaiting;
        maxWaiting = r.maxWaiting;
        steadySpanMs = steady[steady.length - 1].at() - steady[0].at();
    }

    /** The benchmarks' scenario: 10,000 reps, 200 skills, about 1,000 waiting calls. */
    public static SteadyStateScript standard(int steadyEvents) {
        return record(LargeCenter.model(10_000, 200, 42), 1_000, steadyEvents, 7);
    }

    /** Records a script for {@code model}: the warm-up, then {@code steadyEvents} inputs in the steady state. */
    public static SteadyStateScript record(RoutingModel model, int targetWaiting, int steadyEvents, long seed) {
        Recorder recorder = new Recorder(model, targetWaiting, new Random(seed));
        recorder.run(steadyEvents);
        return new SteadyStateScript(recorder);
    }

    /** A fresh engine brought to the steady state by the warm-up; fails if it decides differently than recorded. */
    public RoutingEngine warmedUpEngine() {
        RoutingEngine engine = new RoutingEngine();
        RoutingOutput none = new RoutingOutput() {
            @Override
            public void decided(Decision decision) {
            }

            @Override
            public void command(Command command) {
            }
        };
        for (Event event : warmUp) {
            engine.apply(event, none);
        }
        if (engine.ignoredEvents() != ignoredAfterWarmUp) {
            throw new IllegalStateException("warm-up replay ignored " + engine.ignoredEvents() + " events, recorded "
                    + ignoredAfterWarmUp);
        }
        return engine;
    }

    /** Checks a replay of the steady part against the recording; throws naming the first count that differs. */
    public void check(String what, long decisions, long commands, long ignoredTotal) {
        if (decisions != steadyDecisions || commands != steadyCommands || ignoredTotal != ignoredAfterSteady) {
            throw new IllegalStateException(what + ": replay made " + decisions + " decisions, " + commands
                    + " commands, " + ignoredTotal + " ignored events in all; the recording has " + steadyDecisions
                    + ", " + steadyCommands + ", " + ignoredAfterSteady);
        }
    }

    /** Prints what the standard script holds and how long a plain engine takes to replay it. */
    public static void main(String[] args) {
        int steadyEvents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long start = System.nanoTime();
        SteadyStateScript script = standard(steadyEvents);
        System.out.printf("recorded in %.1f s: %s%n", (System.nanoTime() - start) / 1e9, script);
        for (int round = 0; round < (args.length > 1 ? Integer.parseInt(args[1]) : 3); round++) {
            RoutingEngine engine = script.warmedUpEngine();
            CountingOutput out = new CountingOutput();
            start = System.nanoTime();
            for (Event event : script.steady) {
                engine.apply(event, out);
            }
            long elapsed = System.nanoTime() - start;
            script.check("replay", out.decisions, out.commands, engine.ignoredEvents());
            System.out.printf("plain engine replay: %,.0f events/s%n", script.steady.length / (elapsed / 1e9));
        }
    }

    @Override
    public String toString() {
        return String.format("%d reps, %d skills; warm-up %,d events; steady %,d events over %,d s simulated: "
                        + "%,d decisions, %,d commands, %,d offers, %,d journal entries; waiting %d at start "
                        + "(%d..%d); ignored %d",
                model.reps().size(), model.skills().size(), warmUp.length, steady.length, steadySpanMs / 1000,
                steadyDecisions, steadyCommands, steadyOffers, steadyJournaled, waitingAtStart, minWaiting,
                maxWaiting, ignoredAfterSteady);
    }

    /** Drives the engine in simulated time and plays call control, recording every input. */
    private static final class Recorder implements RoutingOutput {
        private record Pending(long at, long seq, Event event) {
        }

        final RoutingModel model;
        final int targetWaiting;
        final Random random;
        final RoutingEngine engine = new RoutingEngine();
        final List<Event> events = new ArrayList<>();
        final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> a.at != b.at
                ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
        final Map<Long, String> ringing = new HashMap<>();
        final Set<Long> talking = new HashSet<>();
        final Set<Long> waiting = new HashSet<>();
        final List<String> ownerCandidates = new ArrayList<>();
        final List<Integer> commandCause = new ArrayList<>();
        long seq;
        long now = LargeCenter.MONDAY_9AM;
        long nextCallId = 1;
        int arrivalsInFlight;
        int warmUpEnd = -1;
        long steadyDecisions;
        long steadyJournaled;
        long steadyOffers;
        long ignoredAfterWarmUp;
        int waitingAtStart;
        int minWaiting = Integer.MAX_VALUE;
        int maxWaiting;
        int decisionsOfEvent;

        Recorder(RoutingModel model, int targetWaiting, Random random) {
            this.model = model;
            this.targetWaiting = targetWaiting;
            this.random = random;
            for (Rep rep : model.reps()) {
                if (rep.kind() != RepKind.PARTNER) {
                    ownerCandidates.add(rep.id());
                }
            }
        }

        void run(int steadyEvents) {
            apply(new ConfigChanged(now, 1, "benchmark", model));
            for (Rep rep : model.reps()) {
                apply(new RepLoggedIn(now, rep.id()));
            }
            now += 1_000;
            for (Rep rep : model.reps()) {
                apply(new RepReady(now, rep.id()));
            }
            int firstCalls = model.reps().size() + targetWaiting;
            for (int i = 0; i < firstCalls; i++) {
                scheduleArrival(now + 1 + random.nextInt(60_000));
            }
            schedule(now + TICK_MS, new Tick(now + TICK_MS));
            long warmUpUntil = now + WARM_UP_MS;
            while (warmUpEnd < 0 || events.size() - warmUpEnd < steadyEvents) {
                Pending next = pending.poll();
                now = next.at;
                if (warmUpEnd < 0 && now >= warmUpUntil && waiting.size() >= targetWaiting * 9 / 10) {
                    warmUpEnd = events.size();
                    ignoredAfterWarmUp = engine.ignoredEvents();
                    waitingAtStart = waiting.size();
                }
                if (stillValid(next.event)) {
                    apply(next.event);
                }
                if (warmUpEnd >= 0) {
                    minWaiting = Math.min(minWaiting, waiting.size());
                    maxWaiting = Math.max(maxWaiting, waiting.size());
                }
            }
        }

        /** Call control sends only what still makes sense: no answer for an offer that was taken back, etc. */
        private boolean stillValid(Event event) {
            if (event instanceof CallAnswered e) {
                if (!e.repId().equals(ringing.get(e.callId()))) {
                    return false;
                }
                ringing.remove(e.callId());
                talking.add(e.callId());
                long talk = 10_000 + (long) (-Math.log(1 - random.nextDouble()) * (MEAN_TALK_MS - 10_000));
                schedule(now + talk, new CallEnded(now + talk, e.callId(), random.nextBoolean() ? Party.CUSTOMER
                        : Party.REP, "BYE"));
                return true;
            }
            if (event instanceof OfferFailed e) {
                if (!e.repId().equals(ringing.get(e.callId()))) {
                    return false;
                }
                ringing.remove(e.callId());
                waiting.add(e.callId());
                return true;
            }
            if (event instanceof CallEnded e) {
                if (!talking.remove(e.callId())) {
                    return false;
                }
                callLeft();
                return true;
            }
            if (event instanceof CallAbandoned e) {
                return leftWhileWaiting(e.callId());
            }
            if (event instanceof CallbackRequested e) {
                return leftWhileWaiting(e.callId());
            }
            return true;
        }

        private boolean leftWhileWaiting(long callId) {
            if (!waiting.remove(callId)) {
                return false;
            }
            callLeft();
            return true;
        }

        /** Keeps the number of waiting calls near the target: each call that leaves brings 0, 1 or 2 new ones. */
        private void callLeft() {
            int expected = waiting.size() + arrivalsInFlight;
            int arrivals = expected < targetWaiting ? 2 : expected > targetWaiting + targetWaiting / 20 ? 0 : 1;
            for (int i = 0; i < arrivals; i++) {
                scheduleArrival(now + 1 + random.nextInt(2_000));
            }
        }

        private void scheduleArrival(long at) {
            long callId = nextCallId++;
            String segment = LargeCenter.SEGMENTS[segmentRoll()];
            schedule(at, new CallArrived(at, callId, Direction.INBOUND, "line-" + segment,
                    "+1202555" + (1_000_000 + random.nextInt(8_000_000)), "+15550000", null));
            schedule(at + 20, classification(at + 20, callId, segment));
            arrivalsInFlight++;
        }

        private int segmentRoll() {
            int roll = random.nextInt(100);
            return roll < 50 ? 0 : roll < 75 ? 1 : roll < 90 ? 2 : 3;
        }

        private CallClassified classification(long at, long callId, String segment) {
            List<SkillRequirement> skills = new ArrayList<>(2);
            skills.add(new SkillRequirement(LargeCenter.skillId(random.nextInt(LargeCenter.CORE_SKILLS)),
                    1 + random.nextInt(4)));
            if (random.nextInt(4) == 0) {
                int other = LargeCenter.CORE_SKILLS + random.nextInt(model.skills().size() - LargeCenter.CORE_SKILLS);
                skills.add(new SkillRequirement(LargeCenter.skillId(other), 1 + random.nextInt(2)));
            }
            String owner = null;
            String partner = null;
            long value = (long) (-Math.log(1 - random.nextDouble()) * 40_000);
            switch (segment) {
                case "mid" -> owner = random.nextInt(3) == 0 ? pickOwner() : null;
                case "enterprise" -> {
                    owner = random.nextInt(5) < 3 ? pickOwner() : null;
                    value *= 20;
                }
                case "partner" -> partner = "partner-" + random.nextInt(LargeCenter.PARTNERS);
                default -> {
                }
            }
            int priority = model.segment(segment).orElseThrow().priority() + model.settings().valueBoost(value);
            return new CallClassified(at, callId, "cust-" + random.nextInt(1_000_000), segment, value, owner,
                    "t" + random.nextInt(LargeCenter.TERRITORIES), partner, null, LargeCenter.queueOf(segment),
                    priority, skills);
        }

        private String pickOwner() {
            return ownerCandidates.get(random.nextInt(ownerCandidates.size()));
        }

        private void schedule(long at, Event event) {
            pending.add(new Pending(at, seq++, event));
        }

        private void apply(Event event) {
            events.add(event);
            decisionsOfEvent = 0;
            if (event instanceof CallClassified e) {
                arrivalsInFlight--;
                long at = e.at() + 1 + (long) (-Math.log(1 - random.nextDouble()) * MEAN_PATIENCE_MS);
                schedule(at, new CallAbandoned(at, e.callId()));
            } else if (event instanceof Tick) {
                schedule(now + TICK_MS, new Tick(now + TICK_MS));
            }
            engine.apply(event, this);
            if (warmUpEnd >= 0) {
                steadyJournaled += (event instanceof Tick && decisionsOfEvent == 0 ? 0 : 1) + decisionsOfEvent;
            }
        }

        @Override
        public void decided(Decision decision) {
            decisionsOfEvent++;
            if (warmUpEnd >= 0) {
                steadyDecisions++;
            }
            if (decision instanceof CallQueued d) {
                waiting.add(d.callId());
            } else if (decision instanceof CallOffered d) {
                waiting.remove(d.callId());
                if (warmUpEnd >= 0) {
                    steadyOffers++;
                }
            } else if (decision instanceof MaxWaitReached d && d.action() != MaxWaitAction.OVERFLOW) {
                waiting.remove(d.callId());
                callLeft();
            } else if (decision instanceof WrapUpStarted d) {
                if (random.nextBoolean()) {
                    long at = now + 3_000 + random.nextInt(20_000);
                    schedule(at, new RepReady(at, d.repId()));
                }
            } else if (decision instanceof RepMarkedNotReady d) {
                long at = now + 30_000 + random.nextInt(60_000);
                schedule(at, new RepReady(at, d.repId()));
            }
        }

        @Override
        public void command(Command command) {
            if (warmUpEnd >= 0) {
                commandCause.add(events.size() - 1 - warmUpEnd);
            }
            if (command instanceof OfferCall c) {
                ringing.put(c.callId(), c.repId());
                if (random.nextInt(100) < 3) {
                    long at = now + c.ringTimeoutSeconds() * 1_000L;
                    schedule(at, new OfferFailed(at, c.callId(), c.repId(), OfferFailure.NO_ANSWER));
                } else {
                    long at = now + 1_000 + random.nextInt(5_000);
                    schedule(at, new CallAnswered(at, c.callId(), c.repId()));
                }
            } else if (command instanceof CancelOffer c) {
                ringing.remove(c.callId());
            } else if (command instanceof OfferCallback c) {
                if (random.nextInt(10) < 3) {
                    long at = now + 5_000;
                    schedule(at, new CallbackRequested(at, c.callId(), "+12025550000"));
                }
            } else if (command instanceof HangUpCall c) {
                waiting.remove(c.callId());
            }
        }
    }
}

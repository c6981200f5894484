package dev.acd.sim;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.acd.config.SimulationSettings;
import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.Command;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Customer;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RoutingModel;
import dev.acd.router.RepStatus;
import dev.acd.router.RoutingEngine;
import dev.acd.router.pipeline.JournalWriter;
import dev.acd.router.pipeline.RoutingStep;

/**
 * Plays synthetic traffic against the real routing engine and journal in simulated time: calls arrive per line
 * (Poisson with the daily profile), callers lose patience, reps answer after a delay or miss or reject, talk, hold,
 * wrap up, record dispositions and take breaks. Everything the engine sees and decides goes to the journal writer,
 * so statistics come from the journal exactly as in production. Deterministic for a given seed. Single-threaded.
 */
public final class Simulator {
    /** Share of inbound calls from numbers not in the customer directory. */
    static final double UNKNOWN_CALLER_SHARE = 0.1;
    /** Share of callers who take a callback when it is offered. */
    static final double CALLBACK_TAKE_SHARE = 0.3;
    /** How long a rep the router set not ready takes to notice and say ready again, mean seconds. */
    static final double RECOVER_MEAN_SECONDS = 90;

    private final RoutingModel model;
    private final CustomerDirectory directory;
    private final Classifier classifier;
    private final SimulationSettings traffic;
    private final ZoneId zone;
    private final long tickIntervalMs;
    /**
     * Every caller, call, line and rep draws from its own stream derived from the seed and its name, so a what-if run
     * (other staffing, other tiers) sees the same callers with the same needs: common random numbers.
     */
    private final long seed;
    private final Map<String, SplittableRandom> repRandoms = new HashMap<>();
    private final RoutingStep step;
    private final Agenda agenda;
    private final long start;
    private final long end;
    private final List<Customer> customers;
    private final Map<Long, SimCall> calls = new HashMap<>();
    /** Breaks under way per rep (breaks may overlap); a rep on a break does not say ready after wrap-up. */
    private final Map<String, Integer> breaks = new HashMap<>();
    private final SimulationResult.Counter counter = new SimulationResult.Counter();
    private long nextCallId = 1;

    /** A simulated call's state as the phones and the caller see it. */
    private static final class SimCall {
        final long callId;
        /** The caller's own random numbers (callback choices); the call's needs are drawn from it at arrival. */
        final SplittableRandom random;
        /** How the reps' phones behave when this call is offered (answer delay, misses). */
        final SplittableRandom phones;
        /** What the call needs, drawn at arrival so every what-if run gives it the same. */
        long talkMs;
        long holdMs;
        double holdAtShare;
        Party endedBy;
        long wrapMs;
        String outcome;
        long revenueCents;
        /** The queue the call waits in now (overflow and transfers move it). */
        Queue queue;
        /** Bumped when an offer ends, so scheduled phone actions for an old offer do nothing. */
        int offer;
        boolean talking;
        boolean gone;

        SimCall(long callId, Queue queue, SplittableRandom random, SplittableRandom phones) {
            this.callId = callId;
            this.queue = queue;
            this.random = random;
            this.phones = phones;
        }
    }

    /**
     * @param start when the simulated period starts (ms since the epoch)
     * @param hours how long it lasts
     */
    public Simulator(RoutingModel model, CustomerDirectory directory, SimulationSettings traffic, ZoneId zone,
                     long tickIntervalMs, JournalWriter journal, long start, double hours, long seed) {
        this.model = model;
        this.directory = directory;
        this.classifier = new Classifier(model, directory);
        this.traffic = traffic;
        this.zone = zone;
        this.tickIntervalMs = tickIntervalMs;
        this.seed = seed;
        this.start = start;
        this.end = start + (long) (hours * 3_600_000L);
        this.agenda = new Agenda(start);
        this.customers = new ArrayList<>(directory.customers());
        customers.sort((a, b) -> a.id().compareTo(b.id()));
        JournalWriter watching = event -> {
            journal.append(event);
            counter.events++;
            observe(event);
        };
        this.step = new RoutingStep(new RoutingEngine(), watching, this::onCommand);
    }

    /** Runs the whole simulated period and says what happened. */
    public SimulationResult run() {
        long wallStart = System.nanoTime();
        publish(new ConfigChanged(start, 1, "simulation", model));
        scheduleShifts();
        for (Line line : model.lines()) {
            scheduleArrival(line, new ArrivalProcess(hour -> traffic.arrivalRate(line.id(), hour), zone,
                            stream("line", line.id())),
                    start);
        }
        scheduleTick(start + tickIntervalMs);
        agenda.runUntil(end);
        // The period closes: everyone still logged in logs out, so statistics close their sessions and the journal
        // ends on an event replay reproduces exactly.
        for (Rep rep : model.reps()) {
            publish(new RepLoggedOut(end, rep.id()));
        }
        return counter.result(start, end, System.nanoTime() - wallStart);
    }

    /** The engine after the run, for checks of its final state. */
    public RoutingEngine engine() {
        return step.engine();
    }

    private void publish(Event event) {
        step.process(event);
    }

    // ---- reps ----

    private void scheduleShifts() {
        if (traffic.shiftStart().equals(traffic.shiftEnd())) {
            // A shift that starts when it ends means round the clock: everyone logs in once and stays.
            for (Rep rep : model.reps()) {
                agenda.at(start, () -> {
                    publish(new RepLoggedIn(agenda.now(), rep.id()));
                    publish(new RepReady(agenda.now(), rep.id()));
                });
            }
            return;
        }
        for (long day = dayStart(start); day < end; day += 86_400_000L) {
            long shiftStart = at(day, traffic.shiftStart());
            long shiftEnd = at(day, traffic.shiftEnd());
            for (Rep rep : model.reps()) {
                SplittableRandom random = repRandom(rep.id());
                long login = Math.max(start, shiftStart + (long) (random.nextDouble() * 300_000));
                if (login >= end || shiftEnd <= start) {
                    continue;
                }
                agenda.at(login, () -> {
                    publish(new RepLoggedIn(agenda.now(), rep.id()));
                    publish(new RepReady(agenda.now(), rep.id()));
                });
                agenda.at(shiftEnd, () -> publish(new RepLoggedOut(agenda.now(), rep.id())));
                for (int b = 0; b < traffic.breaksPerRepPerDay(); b++) {
                    long breakAt = login + (long) (random.nextDouble() * (shiftEnd - login));
                    long length = seconds(exponential(traffic.breakMeanSeconds(), random));
                    agenda.at(breakAt, () -> {
                        breaks.merge(rep.id(), 1, Integer::sum);
                        publish(new RepNotReady(agenda.now(), rep.id(), "break"));
                    });
                    agenda.at(Math.min(shiftEnd - 1, breakAt + length), () -> {
                        if (breaks.merge(rep.id(), -1, Integer::sum) == 0) {
                            publish(new RepReady(agenda.now(), rep.id()));
                        }
                    });
                }
            }
        }
    }

    private long dayStart(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private long at(long dayStart, LocalTime time) {
        return Instant.ofEpochMilli(dayStart).atZone(zone).toLocalDate().atTime(time).atZone(zone).toInstant()
                .toEpochMilli();
    }

    /**
     * Reacts to what the router journals: a rep it set not ready after missed offers notices after a while and says
     * ready (unless logged out or on a break by then); a call moved to another queue follows it.
     */
    private void observe(Event event) {
        if (event instanceof RepMarkedNotReady marked) {
            agenda.at(marked.at() + seconds(exponential(RECOVER_MEAN_SECONDS, repRandom(marked.repId()))), () -> {
                if (mayResume(marked.repId())) {
                    publish(new RepReady(agenda.now(), marked.repId()));
                }
            });
        } else if (event instanceof WrapUpStarted) {
            counter.wrapUps++;
        } else if (event instanceof CallQueued queued && calls.containsKey(queued.callId())) {
            calls.get(queued.callId()).queue = model.queue(queued.queueId()).orElseThrow();
        }
    }

    /** A rep that is logged in and not on a break may say ready again. */
    private boolean mayResume(String repId) {
        return breaks.getOrDefault(repId, 0) == 0 && step.engine().rep(repId).status() != RepStatus.LOGGED_OUT;
    }

    // ---- calls ----

    private void scheduleTick(long at) {
        if (at < end) {
            agenda.at(at, () -> {
                publish(new Tick(agenda.now()));
                scheduleTick(agenda.now() + tickIntervalMs);
            });
        }
    }

    private void scheduleArrival(Line line, ArrivalProcess arrivals, long from) {
        long next = arrivals.next(from, end);
        if (next >= 0) {
            agenda.at(next, () -> {
                arrive(line);
                scheduleArrival(line, arrivals, agenda.now());
            });
        }
    }

    private void arrive(Line line) {
        long now = agenda.now();
        long callId = nextCallId++;
        SplittableRandom random = stream("call", Long.toString(callId));
        String caller = callerNumber(random);
        Queue queue = model.queue(line.queueId()).orElseThrow();
        SimCall call = new SimCall(callId, queue, random, stream("phones", Long.toString(callId)));
        drawNeeds(call);
        calls.put(callId, call);
        counter.calls++;
        publish(new CallArrived(now, callId, Direction.INBOUND, line.id(), caller, line.number(), null));
        publish(classifier.classify(now, callId, line, caller));
        if (traffic.patienceMeanSeconds() > 0) {
            long patience = seconds(exponential(traffic.patienceMeanSeconds(), random));
            agenda.at(now + patience, () -> {
                if (!call.gone && !call.talking) {
                    call.gone = true;
                    call.offer++;
                    publish(new CallAbandoned(agenda.now(), callId));
                }
            });
        }
    }

    /** The call's talk, hold, wrap-up and outcome, whoever answers it and whenever. */
    private void drawNeeds(SimCall call) {
        SplittableRandom random = call.random;
        call.talkMs = seconds(traffic.talkTime().sample(random));
        if (random.nextDouble() < traffic.holdProbability()) {
            call.holdMs = seconds(exponential(traffic.meanHoldSeconds(), random));
            call.holdAtShare = random.nextDouble();
        }
        call.endedBy = random.nextBoolean() ? Party.CUSTOMER : Party.REP;
        call.wrapMs = seconds(traffic.wrapTime().sample(random));
        call.outcome = outcome(random);
        call.revenueCents = call.outcome == null ? 0 : revenueCents(call.outcome, random);
    }

    private String callerNumber(SplittableRandom random) {
        if (customers.isEmpty() || random.nextDouble() < UNKNOWN_CALLER_SHARE) {
            return "+1555" + (1_000_000 + random.nextInt(8_999_999));
        }
        Customer customer = customers.get(random.nextInt(customers.size()));
        return customer.numbers().isEmpty() ? "+15550000000" : customer.numbers().get(0);
    }

    /** Commands arrive while the engine works; the phones act on them a little later, never re-entrantly. */
    private void onCommand(Command command) {
        SimCall call = calls.get(command.callId());
        if (call == null || call.gone) {
            return;
        }
        if (!step.engine().tracks(call.callId) && !call.talking && !(command instanceof OfferCall)) {
            // The router ended the wait (max wait: hang-up or callback): the caller takes a callback or is let go.
            call.gone = true;
            call.offer++;
            boolean callback = command instanceof OfferCallback && call.random.nextDouble() < CALLBACK_TAKE_SHARE;
            agenda.at(agenda.now(), () -> publish(callback
                    ? new CallbackRequested(agenda.now(), call.callId, "caller")
                    : new CallEnded(agenda.now(), call.callId, Party.SYSTEM, "max wait")));
            return;
        }
        if (command instanceof OfferCall offer) {
            ring(call, offer);
        } else if (command instanceof CancelOffer) {
            call.offer++;
        } else if (command instanceof OfferCallback) {
            // Offered while the call still waits (a callback tier): some callers take it.
            if (call.random.nextDouble() < CALLBACK_TAKE_SHARE) {
                agenda.at(agenda.now() + 5_000, () -> {
                    if (!call.gone && !call.talking) {
                        call.gone = true;
                        call.offer++;
                        publish(new CallbackRequested(agenda.now(), call.callId, "caller"));
                    }
                });
            }
        }
    }

    private void ring(SimCall call, OfferCall offer) {
        int token = ++call.offer;
        long now = agenda.now();
        long ringTimeout = offer.ringTimeoutSeconds() * 1_000L;
        SplittableRandom random = call.phones;
        double roll = random.nextDouble();
        if (roll < traffic.noAnswerProbability()) {
            agenda.at(now + ringTimeout, () -> failOffer(call, token, offer.repId(), OfferFailure.NO_ANSWER));
        } else if (roll < traffic.noAnswerProbability() + traffic.rejectProbability()) {
            long delay = Math.min(ringTimeout, seconds(traffic.answerDelay().sample(random)));
            agenda.at(now + delay, () -> failOffer(call, token, offer.repId(), OfferFailure.REJECTED));
        } else {
            long delay = seconds(traffic.answerDelay().sample(random));
            if (delay >= ringTimeout) {
                agenda.at(now + ringTimeout, () -> failOffer(call, token, offer.repId(), OfferFailure.NO_ANSWER));
            } else {
                agenda.at(now + delay, () -> answer(call, token, offer.repId()));
            }
        }
    }

    private void failOffer(SimCall call, int token, String repId, OfferFailure failure) {
        if (call.offer == token && !call.gone) {
            call.offer++;
            publish(new OfferFailed(agenda.now(), call.callId, repId, failure));
        }
    }

    private void answer(SimCall call, int token, String repId) {
        if (call.offer != token || call.gone) {
            return;
        }
        call.talking = true;
        long answeredAt = agenda.now();
        publish(new CallAnswered(answeredAt, call.callId, repId));
        long talk = call.talkMs;
        long hold = call.holdMs;
        if (hold > 0) {
            long holdAt = answeredAt + (long) (call.holdAtShare * talk);
            agenda.at(holdAt, () -> publish(new CallHeld(agenda.now(), call.callId)));
            agenda.at(holdAt + hold, () -> publish(new CallResumed(agenda.now(), call.callId)));
        }
        long endAt = answeredAt + talk + hold;
        Party endedBy = call.endedBy;
        agenda.at(endAt, () -> {
            call.gone = true;
            publish(new CallEnded(agenda.now(), call.callId, endedBy, "BYE"));
            calls.remove(call.callId);
            wrapUp(call, repId);
        });
    }

    private void wrapUp(SimCall call, String repId) {
        long endedAt = agenda.now();
        long wrapLimit = call.queue.wrapUpSeconds() * 1_000L;
        long wrap = call.wrapMs;
        long dispositionAt = endedAt + Math.min(wrap, Math.max(0, wrapLimit - 1));
        String outcome = call.outcome;
        if (outcome != null) {
            long revenue = call.revenueCents;
            agenda.at(dispositionAt, () -> publish(new DispositionRecorded(agenda.now(), call.callId, repId, outcome,
                    revenue, "")));
        }
        if (wrap < wrapLimit) {
            // Done before the queue's wrap-up time: the rep says ready, ending wrap-up early.
            agenda.at(endedAt + wrap, () -> {
                if (step.engine().rep(repId).callId() == call.callId && mayResume(repId)) {
                    publish(new RepReady(agenda.now(), repId));
                }
            });
        }
    }

    private String outcome(SplittableRandom random) {
        double roll = random.nextDouble();
        double sum = 0;
        List<String> codes = new ArrayList<>(traffic.dispositionMix().keySet());
        codes.sort(null);
        for (String code : codes) {
            sum += traffic.dispositionMix().get(code);
            if (roll < sum) {
                return code;
            }
        }
        return null;
    }

    private long revenueCents(String outcome, SplittableRandom random) {
        double mean = traffic.revenueMeans().getOrDefault(outcome, 0.0);
        return mean <= 0 ? 0 : Math.round(exponential(mean, random) * 100);
    }

    private static double exponential(double mean, SplittableRandom random) {
        return -mean * Math.log(1.0 - random.nextDouble());
    }

    private SplittableRandom repRandom(String repId) {
        return repRandoms.computeIfAbsent(repId, id -> stream("rep", id));
    }

    /** A random stream of its own for one named thing, the same in every run with this seed. */
    private SplittableRandom stream(String kind, String name) {
        long h = seed ^ 0x9E3779B97F4A7C15L * (kind + ":" + name).hashCode();
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(h ^ (h >>> 31));
    }

    private static long seconds(double seconds) {
        return Math.round(seconds * 1_000);
    }
}

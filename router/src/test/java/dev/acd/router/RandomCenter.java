package dev.acd.router;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.acd.core.call.Classifier;
import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.Command;
import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.model.Direction;
import dev.acd.core.model.LiveWindow;
import dev.acd.core.model.Line;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.RoutingSettings;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Skill;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.model.Tier;
import dev.acd.core.model.TierScope;
import dev.acd.core.model.ValueBand;

/**
 * A seeded random contact center for property tests: a random model, and a fake call-control side that answers
 * the router's commands the way phones and callers might (answer, fail, hang up, transfer, go on break).
 * It checks, as commands arrive, that a rep never holds two calls and a call never rings two reps.
 */
final class RandomCenter implements RoutingOutput {
    static final String[] SKILLS = {"crm", "analytics", "billing", "lang-de", "lang-en"};
    static final String[] TEAMS = {"smb", "senior", "field", "partner-a", "partner-b"};
    static final String[] SEGMENTS = {"smb", "mid", "enterprise", "partner"};

    final Random random;
    /** The configuration in force; changes mid-run. */
    RoutingModel model;
    private final List<Rep> allReps;
    private long configVersion = 1;
    /** Half the seeds make the selector intersect bit sets even for a handful of available reps. */
    final RoutingEngine engine;
    final List<Event> inputs = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    /** What the pipeline would journal: inputs and their decisions, without ticks that decided nothing. */
    final List<Event> journal = new ArrayList<>();
    /** How many inputs had been published when the journal last took an input. */
    int inputsAtLastJournaledInput;
    final Map<Long, CallClassified> classifications = new HashMap<>();
    /** What each call requires of a rep now: its classification's, or the queue's it was transferred to. */
    final Map<Long, List<SkillRequirement>> requirements = new HashMap<>();
    /** Offers ringing now, call id to rep id. */
    final Map<Long, String> ringing = new LinkedHashMap<>();
    /** Calls talking to a rep now, call id to rep id. */
    final Map<Long, String> talking = new LinkedHashMap<>();
    /** What each rep holds (a ringing or talking call), rep id to call id. */
    final Map<String, Long> holding = new HashMap<>();
    /** Calls the router may still route. */
    final List<Long> queued = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    long now = TestModels.MONDAY_9AM;
    long nextCallId = 1;

    RandomCenter(long seed) {
        random = new Random(seed);
        engine = seed % 2 == 0 ? new RoutingEngine() : new RoutingEngine(0);
        model = randomModel();
        allReps = model.reps();
        publish(new ConfigChanged(now, 1, "random " + seed, model));
    }

    private RoutingModel randomModel() {
        List<Skill> skills = new ArrayList<>();
        for (String s : SKILLS) {
            skills.add(new Skill(s, s));
        }
        List<Segment> segments = List.of(
                new Segment("smb", "SMB", Set.of("smb"), 0),
                new Segment("mid", "Mid-market", Set.of("smb", "senior"), 5),
                new Segment("enterprise", "Enterprise", Set.of("senior", "field"), 20),
                new Segment("partner", "Partner", Set.of("partner-a", "partner-b"), 5));
        List<Rep> reps = new ArrayList<>();
        int count = 4 + random.nextInt(20);
        for (int i = 0; i < count; i++) {
            RepKind kind = RepKind.values()[random.nextInt(3)];
            Map<String, Integer> repSkills = new HashMap<>();
            for (String s : SKILLS) {
                if (random.nextInt(3) > 0) {
                    repSkills.put(s, 1 + random.nextInt(10));
                }
            }
            String partner = kind == RepKind.PARTNER ? (random.nextBoolean() ? "acme" : "globex") : null;
            String team = switch (kind) {
                case INSIDE -> random.nextBoolean() ? "smb" : "senior";
                case FIELD -> "field";
                case PARTNER -> "acme".equals(partner) ? "partner-a" : "partner-b";
            };
            List<LiveWindow> windows = kind == RepKind.FIELD
                    ? List.of(new LiveWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, random.nextInt(30)), LocalTime.of(9, 30 + random.nextInt(30))))
                    : List.of();
            reps.add(new Rep(String.format("rep%02d", i), "Rep " + i, kind, team, repSkills,
                    random.nextBoolean() ? "east" : "west", partner, new Reach(ReachKind.SOFTPHONE, "r" + i),
                    windows, ZoneOffset.UTC));
        }
        List<Line> lines = List.of(new Line("sales", "+15550001", "Sales", "sales"),
                new Line("renewals", "+15550002", "Renewals", "renewals"));
        RoutingSettings settings = new RoutingSettings("smb", List.of(new ValueBand(50_000, 10)),
                new MissPolicy(random.nextInt(3), 1 + random.nextInt(3), 3, 1), random.nextInt(10), 3);
        return new RoutingModel(skills, segments, randomQueues(), lines, reps, settings);
    }

    private List<Queue> randomQueues() {
        List<Queue> queues = new ArrayList<>();
        for (String id : List.of("sales", "renewals", "overflow")) {
            List<Tier> tiers = new ArrayList<>();
            tiers.add(new Tier("relationship", 0, TierScope.RELATIONSHIP, Set.of(), false));
            int after = 0;
            if (random.nextBoolean()) {
                after += 1 + random.nextInt(20);
                tiers.add(new Tier("home", after, TierScope.HOME_TEAM, Set.of(), false));
            }
            after += 1 + random.nextInt(40);
            tiers.add(new Tier("inside", after, TierScope.SKILLED, Set.of(RepKind.INSIDE), false));
            after += 1 + random.nextInt(60);
            tiers.add(new Tier("anyone", after, TierScope.SKILLED, EnumSet.allOf(RepKind.class), random.nextBoolean()));
            MaxWaitAction action = MaxWaitAction.values()[random.nextInt(3)];
            queues.add(new Queue(id, id, List.of(new SkillRequirement("crm", 1 + random.nextInt(3))), tiers,
                    20, 80, random.nextInt(20), 15, "overflow".equals(id) ? 0 : 60 + random.nextInt(240), action,
                    "overflow".equals(id) ? null : "overflow", 5, random.nextInt(20)));
        }
        return queues;
    }

    /** A new configuration mid-run: queues get new tiers and limits, and some reps leave or come back. */
    private void reconfigure() {
        List<Rep> reps = new ArrayList<>();
        for (Rep rep : allReps) {
            if (random.nextInt(6) > 0) {
                reps.add(rep);
            }
        }
        if (reps.isEmpty()) {
            reps.add(allReps.get(0));
        }
        RoutingModel next = new RoutingModel(model.skills(), model.segments(), randomQueues(), model.lines(), reps,
                model.settings());
        // timers due at this instant fire under the configuration the router still has (RoutingEngine.apply)
        publish(new ConfigChanged(now, ++configVersion, "reconfigured", next));
        model = next;
    }

    /** One random step of the world: time passes, then something happens. */
    void step() {
        now += random.nextInt(4) * 1_000L;
        int what = random.nextInt(100);
        List<Rep> reps = model.reps();
        if (what < 20) {
            arrive();
        } else if (what < 35 && !ringing.isEmpty()) {
            resolveRinging();
        } else if (what < 45 && !talking.isEmpty()) {
            endTalking();
        } else if (what < 52 && !queued.isEmpty()) {
            long callId = queued.get(random.nextInt(queued.size()));
            forget(callId);
            publish(random.nextInt(4) == 0 ? new CallbackRequested(now, callId, "+15559999")
                    : new CallAbandoned(now, callId));
        } else if (what < 75) {
            String rep = reps.get(random.nextInt(reps.size())).id();
            int change = random.nextInt(10);
            if (change < 5) {
                publish(new RepLoggedIn(now, rep));
                publish(new RepReady(now, rep));
            } else if (change < 8) {
                publish(new RepNotReady(now, rep, "break"));
            } else {
                publish(new RepLoggedOut(now, rep));
            }
        } else if (what < 78 && !talking.isEmpty()) {
            Long callId = talking.keySet().iterator().next();
            publish(new CallHeld(now, callId));
        } else if (what < 80) {
            outbound();
        } else if (what < 81) {
            reconfigure();
        } else {
            publish(new Tick(now));
        }
    }

    private void arrive() {
        long callId = nextCallId++;
        String queue = random.nextBoolean() ? "sales" : "renewals";
        publish(new CallArrived(now, callId, Direction.INBOUND, queue, "+1555010" + callId, "+15550001", null));
        List<SkillRequirement> skills = new ArrayList<>(List.of(new SkillRequirement("crm", 1 + random.nextInt(4))));
        if (random.nextBoolean()) {
            skills.add(new SkillRequirement(SKILLS[1 + random.nextInt(SKILLS.length - 1)], 1 + random.nextInt(6)));
        }
        String owner = random.nextInt(3) == 0 ? model.reps().get(random.nextInt(model.reps().size())).id() : null;
        String partner = random.nextInt(5) == 0 ? (random.nextBoolean() ? "acme" : "globex") : null;
        CallClassified classified = new CallClassified(now, callId, "cust" + callId,
                SEGMENTS[random.nextInt(SEGMENTS.length)], random.nextInt(100_000), owner,
                random.nextBoolean() ? "east" : "west", partner, null, queue, random.nextInt(30), skills);
        classifications.put(callId, classified);
        requirements.put(callId, classified.skills());
        queued.add(callId);
        publish(classified);
    }

    private void outbound() {
        String rep = model.reps().get(random.nextInt(model.reps().size())).id();
        if (talking.containsValue(rep)) {
            return; // a phone on a call does not dial out; a ringing one may
        }
        long callId = nextCallId++;
        // A ringing offer is cancelled by the router (CancelOffer) when it learns the rep dialled out.
        publish(new CallArrived(now, callId, Direction.OUTBOUND, null, "+15550001", "+15557777", rep));
        if (engine.rep(rep).callId() == callId) {
            talking.put(callId, rep);
            holding.put(rep, callId);
            publish(new CallAnswered(now, callId, rep));
        }
    }

    private void resolveRinging() {
        Map.Entry<Long, String> offer = ringing.entrySet().iterator().next();
        long callId = offer.getKey();
        String rep = offer.getValue();
        int how = random.nextInt(10);
        if (how < 6) {
            ringing.remove(callId);
            talking.put(callId, rep);
            queued.remove(callId);
            publish(new CallAnswered(now, callId, rep));
        } else if (how < 9) {
            ringing.remove(callId);
            holding.remove(rep);
            publish(new OfferFailed(now, callId, rep, OfferFailure.values()[random.nextInt(4)]));
        } else {
            forget(callId);
            publish(new CallAbandoned(now, callId));
        }
    }

    private void endTalking() {
        Map.Entry<Long, String> call = talking.entrySet().iterator().next();
        long callId = call.getKey();
        String rep = call.getValue();
        if (random.nextInt(5) == 0 && classifications.containsKey(callId)) {
            talking.remove(callId);
            holding.remove(rep);
            queued.add(callId);
            if (random.nextBoolean()) {
                String target = model.reps().get(random.nextInt(model.reps().size())).id();
                publish(new CallTransferred(now, callId, rep, TransferTarget.REP, target));
            } else {
                String queue = random.nextBoolean() ? "sales" : "overflow";
                requirements.put(callId, Classifier.requirements(model, model.queue(queue).orElseThrow(),
                        classifications.get(callId).language()));
                publish(new CallTransferred(now, callId, rep, TransferTarget.QUEUE, queue));
            }
        } else {
            forget(callId);
            publish(new CallEnded(now, callId, random.nextBoolean() ? Party.CUSTOMER : Party.REP, "BYE"));
        }
    }

    private void forget(long callId) {
        queued.remove(callId);
        String rep = ringing.remove(callId);
        if (rep == null) {
            rep = talking.remove(callId);
        }
        if (rep != null) {
            holding.remove(rep);
        }
    }

    void publish(Event event) {
        inputs.add(event);
        int before = decisions.size();
        engine.apply(event, this);
        if (!(event instanceof Tick) || decisions.size() > before) {
            journal.add(event);
            journal.addAll(decisions.subList(before, decisions.size()));
            inputsAtLastJournaledInput = inputs.size();
        }
    }

    @Override
    public void decided(Decision decision) {
        decisions.add(decision);
        if (decision instanceof MaxWaitReached reached && reached.action() != MaxWaitAction.OVERFLOW) {
            forget(reached.callId());
        } else if (decision instanceof MaxWaitReached reached && classifications.containsKey(reached.callId())) {
            // an overflowing call is routed by the overflow queue's skills, as a transfer to it is
            Queue overflow = model.queue(model.queue(reached.queueId()).orElseThrow().overflowQueue()).orElseThrow();
            requirements.put(reached.callId(), Classifier.requirements(model, overflow,
                    classifications.get(reached.callId()).language()));
        }
    }

    @Override
    public void command(Command command) {
        if (command instanceof OfferCall offer) {
            if (holding.containsKey(offer.repId())) {
                violations.add("rep " + offer.repId() + " offered call " + offer.callId() + " while holding call "
                        + holding.get(offer.repId()) + " at " + now);
            }
            if (ringing.containsKey(offer.callId()) || talking.containsKey(offer.callId())) {
                violations.add("call " + offer.callId() + " offered to " + offer.repId() + " while ringing/talking with "
                        + ringing.getOrDefault(offer.callId(), talking.get(offer.callId())));
            }
            ringing.put(offer.callId(), offer.repId());
            holding.put(offer.repId(), offer.callId());
        } else if (command instanceof CancelOffer cancel) {
            if (cancel.repId().equals(ringing.get(cancel.callId()))) {
                ringing.remove(cancel.callId());
                holding.remove(cancel.repId(), cancel.callId());
            }
        }
        // HangUpCall and OfferCallback need no bookkeeping: MaxWaitReached already said whether the call left.
    }
}

package dev.acd.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallClassified;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.Segment;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.model.Tier;

/**
 * The router's invariants over thousands of seeded random event sequences. Eligibility is re-derived here from the
 * model by brute force, independently of the engine's indexes.
 */
class RouterInvariantsTest {
    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 300;

    @Test
    void shouldKeepEveryInvariantOverRandomSequences() {
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            RandomCenter center = new RandomCenter(seed);
            for (int step = 0; step < STEPS; step++) {
                center.step();
                if (!center.violations.isEmpty()) {
                    fail("seed " + seed + " step " + step + ": " + center.violations);
                }
                String doubled = repHoldingTwoCalls(center.engine.snapshot());
                if (doubled != null) {
                    fail("seed " + seed + " step " + step + ": " + doubled);
                }
                String idle = waitingWhileEligibleRepIdles(center);
                if (idle != null) {
                    fail("seed " + seed + " step " + step + ": " + idle);
                }
            }
        }
    }

    @Test
    void shouldRebuildExactlyTheSameStateAndDecisionsByReplayingTheInputs() {
        for (long seed = 1; seed <= 300; seed++) {
            RandomCenter live = new RandomCenter(seed);
            for (int step = 0; step < STEPS; step++) {
                live.step();
            }
            RoutingEngine replayed = new RoutingEngine();
            List<Decision> again = new ArrayList<>();
            RoutingOutput collect = new RoutingOutput() {
                @Override
                public void decided(Decision decision) {
                    again.add(decision);
                }

                @Override
                public void command(dev.acd.core.command.Command command) {
                }
            };
            for (Event input : live.inputs) {
                replayed.apply(input, collect);
            }
            assertEquals(live.engine.snapshot(), replayed.snapshot(), "seed " + seed);
            assertEquals(live.decisions, again, "seed " + seed);
        }
    }

    @Test
    void shouldRebuildTheSameStateFromAJournalOfInputsDecisionsAndOnlyTheTicksThatDecided() {
        for (long seed = 1; seed <= 300; seed++) {
            RandomCenter live = new RandomCenter(seed);
            for (int step = 0; step < STEPS; step++) {
                live.step();
            }
            // The journal interleaves decisions (skipped on replay) and leaves out ticks that decided nothing.
            RoutingEngine replayed = RoutingEngine.rebuiltFrom(live.journal);
            // Compare with the live engine as it was right after the last journaled input.
            RoutingEngine reference = RoutingEngine.rebuiltFrom(live.inputs.subList(0, live.inputsAtLastJournaledInput));
            assertEquals(reference.snapshot(), replayed.snapshot(), "seed " + seed);
            assertTrue(live.journal.size() < live.inputs.size() + live.decisions.size(), "idle ticks were left out");
        }
    }

    @Test
    void shouldAnswerEveryCallEventuallyWhenArrivalsStopAndRepsStayReady() {
        for (long seed = 1; seed <= 200; seed++) {
            RandomCenter center = new RandomCenter(seed);
            for (int step = 0; step < STEPS; step++) {
                center.step();
            }
            // Everyone logs in and stays ready; phones answer; calls end; time passes beyond every tier.
            for (Rep rep : center.model.reps()) {
                center.publish(new dev.acd.core.event.RepLoggedIn(center.now, rep.id()));
                center.publish(new dev.acd.core.event.RepReady(center.now, rep.id()));
            }
            for (int round = 0; round < 2_000 && !center.engine.snapshot().waitingCalls().isEmpty(); round++) {
                center.now += 5_000;
                center.publish(new dev.acd.core.event.Tick(center.now));
                for (Map.Entry<Long, String> offer : new ArrayList<>(center.ringing.entrySet())) {
                    center.ringing.remove(offer.getKey());
                    center.talking.put(offer.getKey(), offer.getValue());
                    center.publish(new dev.acd.core.event.CallAnswered(center.now, offer.getKey(), offer.getValue()));
                }
                for (Map.Entry<Long, String> call : new ArrayList<>(center.talking.entrySet())) {
                    center.talking.remove(call.getKey());
                    center.holding.remove(call.getValue());
                    center.publish(new dev.acd.core.event.CallEnded(center.now, call.getKey(),
                            dev.acd.core.event.Party.REP, "BYE"));
                }
            }
            List<RouterSnapshot.CallView> stuck = center.engine.snapshot().waitingCalls().stream()
                    .filter(c -> anyRepCouldEverTake(center, c))
                    .toList();
            assertTrue(stuck.isEmpty(), "seed " + seed + ": calls still waiting " + stuck);
        }
    }

    /** A waiting call a ready rep could take at the call's last tier, not declined; such a call must not starve. */
    private static boolean anyRepCouldEverTake(RandomCenter center, RouterSnapshot.CallView call) {
        CallClassified cls = center.classifications.get(call.callId());
        Queue queue = center.model.queue(call.queueId()).orElseThrow();
        for (Rep rep : center.model.reps()) {
            if (!call.declined().contains(rep.id()) && hasSkills(rep, cls.skills())
                    && inScope(center, rep, cls, queue, queue.tiers().size())
                    && rep.takesLiveCallsAt(center.now)) {
                return true;
            }
        }
        return false;
    }

    /** A rep that two calls ring or talk to, or whose own state names another call; null when none. */
    static String repHoldingTwoCalls(RouterSnapshot snapshot) {
        Map<String, Long> holder = new java.util.HashMap<>();
        for (RouterSnapshot.CallView call : snapshot.calls()) {
            boolean holds = call.phase().equals("OFFERED") || call.phase().equals("CONNECTED");
            if (!holds || call.rep() == null) {
                continue;
            }
            Long other = holder.put(call.rep(), call.callId());
            if (other != null) {
                return "rep " + call.rep() + " holds calls " + other + " and " + call.callId();
            }
            RouterSnapshot.RepView rep = snapshot.rep(call.rep());
            if (rep.callId() != call.callId()) {
                return "call " + call.callId() + " is " + call.phase() + " with " + call.rep() + ", whose call is "
                        + rep.callId();
            }
        }
        return null;
    }

    /** The first waiting call that an available, eligible rep could take right now, described; null when none. */
    static String waitingWhileEligibleRepIdles(RandomCenter center) {
        RouterSnapshot snapshot = center.engine.snapshot();
        for (RouterSnapshot.CallView call : snapshot.waitingCalls()) {
            CallClassified cls = center.classifications.get(call.callId());
            Queue queue = center.model.queue(call.queueId()).orElseThrow();
            for (Rep rep : center.model.reps()) {
                RouterSnapshot.RepView view = snapshot.rep(rep.id());
                boolean available = view.status() == RepStatus.READY && view.activity() == RepActivity.IDLE
                        && rep.takesLiveCallsAt(snapshot.now());
                boolean eligible = call.directRep() != null ? call.directRep().equals(rep.id())
                        : hasSkills(rep, center.requirements.get(call.callId())) && inScope(center, rep, cls, queue, call.tier());
                if (available && !call.declined().contains(rep.id()) && eligible) {
                    return "call " + call.callId() + " waits at tier " + call.tier() + " while " + rep.id()
                            + " is available and eligible";
                }
            }
        }
        return null;
    }

    private static boolean hasSkills(Rep rep, List<SkillRequirement> skills) {
        return skills.stream().allMatch(s -> rep.level(s.skill()) >= s.minLevel());
    }

    private static boolean inScope(RandomCenter center, Rep rep, CallClassified cls, Queue queue, int tier) {
        for (int t = 0; t < Math.min(tier, queue.tiers().size()); t++) {
            Tier open = queue.tiers().get(t);
            switch (open.scope()) {
                case RELATIONSHIP -> {
                    if (rep.id().equals(cls.accountOwner()) || cls.partner() != null && cls.partner().equals(rep.partner())) {
                        return true;
                    }
                }
                case HOME_TEAM -> {
                    Segment segment = center.model.segment(cls.segment()).orElseThrow();
                    if (segment.homeTeams().contains(rep.team())) {
                        return true;
                    }
                }
                case SKILLED -> {
                    if (open.kinds().contains(rep.kind())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

package dev.acd.router;

import static dev.acd.router.TestModels.MONDAY_9AM;
import static dev.acd.router.TestModels.inside;
import static dev.acd.router.TestModels.model;
import static dev.acd.router.TestModels.standardTiers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.acd.core.command.Command;
import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Rule;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TierWidened;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.Trigger;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.SkillRequirement;
import dev.acd.core.model.Tier;
import dev.acd.core.model.TierScope;

/** Blind transfers as the router sees them: to a queue (that queue's rules) and to a rep (a bounded wait). */
class TransferRoutingTest {
    private static final List<SkillRequirement> CRM = List.of(new SkillRequirement("crm", 1));
    private static final List<Tier> ANYONE = List.of(
            new Tier("anyone", 0, TierScope.SKILLED, EnumSet.allOf(RepKind.class), false));
    private static final int RING_TIMEOUT_SECONDS = 15;

    /** sales: crm, four standard tiers; support: analytics (and German speakers need lang-de), anyone skilled. */
    private static RoutingModel center(int wrapUpSeconds) {
        return model(List.of(
                        inside("ann", "inside-smb", "east", Map.of("crm", 5)),
                        inside("bob", "inside-smb", "west", Map.of("crm", 8)),
                        inside("cat", "inside-senior", "east", Map.of("crm", 8, "analytics", 3)),
                        inside("eve", "inside-support", "east", Map.of("analytics", 6)),
                        inside("gus", "inside-support", "east", Map.of("analytics", 6, "lang-de", 7))),
                List.of(queue("sales", CRM, standardTiers(), wrapUpSeconds),
                        queue("support", List.of(new SkillRequirement("analytics", 1)), ANYONE, wrapUpSeconds),
                        queue("renewals", CRM, ANYONE, wrapUpSeconds)));
    }

    private static Queue queue(String id, List<SkillRequirement> skills, List<Tier> tiers, int wrapUpSeconds) {
        return new Queue(id, id, skills, tiers, 20, 80, wrapUpSeconds, RING_TIMEOUT_SECONDS, 600,
                MaxWaitAction.HANG_UP, null, 5, 10);
    }

    /** Call 1 to renewals (anyone with crm may take it), offered to and answered by ann, who must be ready. */
    private static Script answeredByAnn(Script s, String owner, String language) {
        s.apply(new CallArrived(s.now, 1, Direction.INBOUND, "line-renewals", "+15550101", "+15550000", null));
        s.apply(new CallClassified(s.now, 1, "cust-1", "smb", 0, owner, "west", null, language, "renewals", 0, CRM));
        assertEquals("ann", s.decisionsOf(CallOffered.class).get(s.decisionsOf(CallOffered.class).size() - 1).repId());
        return s.apply(new CallAnswered(s.now, 1, "ann"));
    }

    @Test
    void shouldRouteACallTransferredToAQueueByThatQueuesSkillsNotItsFirstClassification() {
        Script s = new Script(center(30), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, null, null);
        s.readyReps("bob");
        s.fresh().apply(new CallTransferred(s.now, 1, "ann", TransferTarget.QUEUE, "support"));
        assertEquals(List.of(new CallQueued(s.now, 1, "support", 0)), s.decisionsOf(CallQueued.class));
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "bob has sales' crm but not support's analytics");
        s.fresh().readyReps("eve");
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("eve", offer.repId());
        assertEquals("support", offer.queueId());
    }

    @Test
    void shouldRouteACallThatOverflowsAtMaxWaitByTheOverflowQueuesSkills() {
        RoutingModel model = center(30);
        List<Queue> queues = new ArrayList<>(model.queues());
        queues.replaceAll(q -> !q.id().equals("renewals") ? q : new Queue("renewals", "renewals", CRM, ANYONE, 20, 80,
                30, RING_TIMEOUT_SECONDS, 30, MaxWaitAction.OVERFLOW, "support", 5, 10));
        Script s = new Script(new RoutingModel(model.skills(), model.segments(), queues, model.lines(), model.reps(),
                model.settings()), MONDAY_9AM).readyReps("eve");
        s.apply(new CallArrived(s.now, 1, Direction.INBOUND, "line-renewals", "+15550101", "+15550000", null));
        s.apply(new CallClassified(s.now, 1, "cust-1", "smb", 0, null, "west", null, null, "renewals", 0, CRM));
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "eve has no crm: renewals cannot use her");
        s.advance(30);
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("eve", offer.repId(), "after the overflow the call needs support's analytics, not crm");
        assertEquals("support", offer.queueId());
    }

    @Test
    void shouldAddTheCustomersLanguageToTheTargetQueuesSkillsWhenACallIsTransferredToAQueue() {
        Script s = new Script(center(30), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, null, "de");
        s.readyReps("eve");
        s.fresh().apply(new CallTransferred(s.now, 1, "ann", TransferTarget.QUEUE, "support"));
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "eve does not speak German");
        s.readyReps("gus");
        assertEquals("gus", s.decisionsOf(CallOffered.class).get(0).repId());
    }

    @Test
    void shouldNotOfferACallTransferredToAQueueBackToTheRepWhoTransferredIt() {
        Script s = new Script(center(0), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, null, null);
        s.fresh().apply(new CallTransferred(s.now, 1, "ann", TransferTarget.QUEUE, "renewals"));
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(),
                "ann is ready again at once (no wrap-up) but she sent the call away: " + s.commands);
        s.readyReps("bob");
        assertEquals("bob", s.decisionsOf(CallOffered.class).get(0).repId());
    }

    @Test
    void shouldKeepTheCustomerFactsAndCountTheTargetQueuesTiersFromTheTransfer() {
        RoutingModel model = center(30);
        Queue partners = queue("partners", CRM, standardTiers(), 30);
        List<Queue> queues = new ArrayList<>(model.queues());
        queues.add(partners);
        Script s = new Script(new RoutingModel(model.skills(), model.segments(), queues, model.lines(), model.reps(),
                model.settings()), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, "cat", null);
        s.advance(120);
        s.readyReps("bob");
        s.fresh().apply(new CallTransferred(s.now, 1, "ann", TransferTarget.QUEUE, "partners"));
        s.advance(9);
        assertTrue(s.decisions.stream().noneMatch(d -> d instanceof TierWidened || d instanceof CallOffered),
                "partners' home-team tier opens 10 s after the transfer, not after the call's first queueing: "
                        + s.decisions);
        s.advance(1);
        assertEquals(List.of(new TierWidened(s.now, 1, "partners", 2)), s.decisionsOf(TierWidened.class));
        assertEquals("bob", s.decisionsOf(CallOffered.class).get(0).repId());
        s.apply(new CallAnswered(s.now, 1, "bob"));

        s.fresh().readyReps("cat");
        s.apply(new CallTransferred(s.now, 1, "bob", TransferTarget.QUEUE, "sales"));
        CallOffered toOwner = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("cat", toOwner.repId(), "the account owner is still the customer's");
        assertEquals(Rule.ACCOUNT_OWNER, toOwner.explanation().rule());
    }

    @Test
    void shouldReturnACallTransferredToABusyRepToItsQueueAfterTheQueuesRingTimeout() {
        Script s = new Script(center(30), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, null, null);
        s.readyReps("bob");
        s.apply(new CallArrived(s.now, 2, Direction.INBOUND, "line-renewals", "+15550102", "+15550000", null));
        s.apply(new CallClassified(s.now, 2, "cust-2", "smb", 0, null, null, null, null, "renewals", 0, CRM));
        s.apply(new CallAnswered(s.now, 2, "bob"));
        s.apply(new CallTransferred(s.now, 1, "ann", TransferTarget.REP, "bob"));
        s.fresh().readyReps("cat");
        s.advance(RING_TIMEOUT_SECONDS - 1);
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "the call waits for bob, who is on call 2");
        s.advance(1);
        CallOffered back = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("cat", back.repId(), "after the ring timeout sales' senior team may take it");
        assertEquals(Trigger.REQUEUED, back.explanation().trigger());
    }

    @Test
    void shouldOfferACallTransferredToABusyRepToThatRepWhenTheyAreFreeInTime() {
        Script s = new Script(center(0), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, null, null);
        s.readyReps("bob");
        s.apply(new CallArrived(s.now, 2, Direction.INBOUND, "line-renewals", "+15550102", "+15550000", null));
        s.apply(new CallClassified(s.now, 2, "cust-2", "smb", 0, null, null, null, null, "renewals", 0, CRM));
        s.apply(new CallAnswered(s.now, 2, "bob"));
        s.apply(new CallTransferred(s.now, 1, "ann", TransferTarget.REP, "bob"));
        s.readyReps("cat");
        s.fresh().advance(5);
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "the call waits for bob alone: " + s.commands);
        s.apply(new dev.acd.core.event.CallEnded(s.now, 2, dev.acd.core.event.Party.CUSTOMER, "BYE"));
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("bob", offer.repId());
        assertEquals(Rule.DIRECT, offer.explanation().rule());
    }

    @Test
    void shouldNotWaitForALoggedOutRepWhenTheJournalSaysACallWasTransferredToThem() {
        Script s = new Script(center(30), MONDAY_9AM).readyReps("ann");
        answeredByAnn(s, null, null);
        s.readyReps("cat");
        s.fresh().apply(new CallTransferred(s.now, 1, "ann", TransferTarget.REP, "eve"));
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("cat", offer.repId(), "eve is logged out: renewals' one tier takes the call at once");
        assertEquals(Rule.SKILLED, offer.explanation().rule());
    }

    @Test
    void shouldMakeTheSameDecisionsWhenTheTransferJournalIsReplayed() {
        List<Event> journal = new ArrayList<>();
        List<Decision> live = new ArrayList<>();
        RoutingEngine engine = new RoutingEngine();
        RoutingOutput out = new RoutingOutput() {
            @Override
            public void decided(Decision decision) {
                live.add(decision);
            }

            @Override
            public void command(Command command) {
            }
        };
        long t = MONDAY_9AM;
        List<Event> script = List.of(
                new ConfigChanged(t, 1, "test", center(30)),
                new RepLoggedIn(t, "ann"), new RepReady(t, "ann"),
                new CallArrived(t, 1, Direction.INBOUND, "line-renewals", "+15550101", "+15550000", null),
                new CallClassified(t, 1, "cust-1", "smb", 0, null, null, null, "de", "renewals", 0, CRM),
                new CallAnswered(t + 1_000, 1, "ann"),
                new CallTransferred(t + 60_000, 1, "ann", TransferTarget.QUEUE, "support"),
                new RepLoggedIn(t + 61_000, "eve"), new RepReady(t + 61_000, "eve"),
                new RepLoggedIn(t + 62_000, "gus"), new RepReady(t + 62_000, "gus"),
                new Tick(t + 200_000));
        for (Event event : script) {
            journal.add(event);
            engine.apply(event, out);
        }
        RoutingEngine replayed = RoutingEngine.rebuiltFrom(journal);
        assertEquals(engine.snapshot(), replayed.snapshot());
        assertEquals(List.of("ann", "gus"), live.stream().filter(d -> d instanceof CallOffered)
                .map(d -> ((CallOffered) d).repId()).toList(), "eve lacks German; gus has it");
        assertEquals(RepActivity.OFFERED, replayed.rep("gus").activity());
    }
}

package dev.acd.router;

import static dev.acd.router.TestModels.MONDAY_9AM;
import static dev.acd.router.TestModels.field;
import static dev.acd.router.TestModels.inside;
import static dev.acd.router.TestModels.model;
import static dev.acd.router.TestModels.queue;
import static dev.acd.router.TestModels.standardTiers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.HangUpCall;
import dev.acd.core.command.OfferCall;
import dev.acd.core.command.OfferCallback;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.model.Direction;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallbackOffered;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.PassedOverWhy;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Rule;
import dev.acd.core.event.TierWidened;
import dev.acd.core.event.Trigger;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.SkillRequirement;

class RoutingEngineTest {
    private static final List<SkillRequirement> CRM = List.of(new SkillRequirement("crm", 1));

    private static Script center(Queue... queues) {
        return new Script(model(List.of(
                inside("ann", "inside-smb", "east", Map.of("crm", 5)),
                inside("bob", "inside-smb", "west", Map.of("crm", 8)),
                inside("cat", "inside-senior", "east", Map.of("crm", 8)),
                inside("dan", "inside-other", "east", Map.of("crm", 9, "analytics", 4))),
                List.of(queues.length == 0 ? queue("sales", standardTiers(), 0, MaxWaitAction.HANG_UP, null) : queues[0])),
                MONDAY_9AM);
    }

    @Test
    void shouldOfferCallToAccountOwnerFirstEvenWhenOthersRankHigher() {
        Script s = center().readyReps("ann", "bob", "cat", "dan").fresh();
        s.call(1, "sales", "smb", "ann", "west", 0, CRM);

        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("ann", offer.repId());
        assertEquals(Rule.ACCOUNT_OWNER, offer.explanation().rule());
        assertEquals(Trigger.CALL_QUEUED, offer.explanation().trigger());
        assertEquals(List.of(new OfferCall(1, "ann", s.engine.model().rep("ann").orElseThrow().reach(), 15)),
                s.commands);
    }

    @Test
    void shouldWaitForHomeTeamTierBeforeOfferingToHomeTeam() {
        Script s = center().readyReps("bob", "dan").fresh();
        s.call(1, "sales", "smb", "ann", "east", 0, CRM);
        assertTrue(s.commands.isEmpty(), "the owner is not ready and tier 1 admits only the relationship");

        s.advance(9);
        assertTrue(s.commands.isEmpty(), "home team opens at 10 s");
        s.advance(1);
        assertEquals(new TierWidened(s.now, 1, "sales", 2), s.decisionsOf(TierWidened.class).get(0));
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("bob", offer.repId(), "bob is in smb's home team; dan is not");
        assertEquals(Rule.HOME_TEAM, offer.explanation().rule());
        assertEquals(Trigger.TIER_WIDENED, offer.explanation().trigger());
        assertEquals(2, offer.tier());
    }

    @Test
    void shouldRankByTerritoryThenSkillThenLongestIdleAndExplainWhoWasPassedOver() {
        Script s = center();
        s.readyReps("dan");
        s.now += 5_000;
        s.readyReps("cat", "bob", "ann");
        s.now += 40_000;
        s.fresh().call(1, "sales", "enterprise", null, "east", 0, CRM);
        assertTrue(s.commands.isEmpty(), "no account owner: tier 1 admits nobody");
        s.advance(10);
        // Enterprise home teams are field and inside-senior: only cat, at tier 2.
        CallOffered first = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("cat", first.repId());
        assertEquals(Rule.HOME_TEAM, first.explanation().rule());
        assertEquals(1, first.explanation().candidates(), "tier 1+2 admit only the home team");

        s.apply(new OfferFailed(s.now, 1, "cat", OfferFailure.REJECTED)).fresh();
        s.advance(20);
        CallOffered second = s.decisionsOf(CallOffered.class).get(0);
        // Tier 3 admits all inside reps: dan (east, crm 9) beats ann (east, crm 5) on skill and bob (west) on territory.
        assertEquals("dan", second.repId());
        assertEquals(Rule.SKILLED, second.explanation().rule());
        assertTrue(second.explanation().territoryMatch());
        assertEquals(9, second.explanation().skillScore());
        assertEquals(List.of(new dev.acd.core.event.PassedOver("ann", PassedOverWhy.LOWER_SKILL),
                new dev.acd.core.event.PassedOver("bob", PassedOverWhy.NO_TERRITORY_MATCH)),
                second.explanation().passedOver());
    }

    @Test
    void shouldPreferLongestIdleAmongEquals() {
        Script s = new Script(model(List.of(
                inside("ann", "inside-smb", "east", Map.of("crm", 5)),
                inside("bob", "inside-smb", "east", Map.of("crm", 5))),
                List.of(queue("sales", standardTiers(), 0, MaxWaitAction.HANG_UP, null))), MONDAY_9AM);
        s.readyReps("bob");
        s.now += 1_000;
        s.readyReps("ann");
        s.fresh().call(1, "sales", "smb", null, "east", 0, CRM);
        s.advance(10);
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("bob", offer.repId());
        assertEquals(List.of(new dev.acd.core.event.PassedOver("ann", PassedOverWhy.IDLE_SHORTER)),
                offer.explanation().passedOver());
    }

    @Test
    void shouldRequeueCallAtHeadWhenRepDoesNotAnswerAndSetRepNotReady() {
        Script s = center().readyReps("ann");
        s.call(1, "sales", "smb", "ann", null, 0, CRM);
        s.call(2, "sales", "smb", null, null, 50, CRM);
        s.fresh().apply(new OfferFailed(s.now, 1, "ann", OfferFailure.NO_ANSWER));

        assertEquals(List.of(new RepMarkedNotReady(s.now, "ann", "ring-no-answer")),
                s.decisionsOf(RepMarkedNotReady.class));
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "nobody else may take either call yet");
        s.fresh().readyReps("bob");
        s.advance(10);
        // Call 1 went back to the head: it goes before call 2 although call 2 has far higher priority.
        assertEquals(1, s.decisionsOf(CallOffered.class).get(0).callId());
        assertEquals("bob", s.decisionsOf(CallOffered.class).get(0).repId());
    }

    @Test
    void shouldNotOfferCallAgainToRepWhoRejectedIt() {
        Script s = center().readyReps("bob");
        s.call(1, "sales", "smb", null, null, 0, CRM);
        s.advance(10);
        s.fresh().apply(new OfferFailed(s.now, 1, "bob", OfferFailure.REJECTED));
        assertTrue(s.commands.isEmpty(), "bob declined call 1; a single reject does not make him not ready");
        assertTrue(s.engine.snapshot().rep("bob").available());
        s.call(2, "sales", "smb", null, null, 0, CRM);
        s.advance(10);
        assertEquals(2, s.decisionsOf(CallOffered.class).get(0).callId(), "but he takes the next call");
    }

    @Test
    void shouldCountMissKindsApartBeforeMarkingNotReady() {
        Script s = center().readyReps("bob");
        for (int i = 1; i <= 3; i++) {
            s.call(i, "sales", "smb", null, null, 0, CRM);
            s.advance(10);
            s.apply(new OfferFailed(s.now, i, "bob", OfferFailure.BUSY));
            s.apply(new CallAbandoned(s.now, i));
        }
        assertEquals(List.of(new RepMarkedNotReady(s.now, "bob", "busy")), s.decisionsOf(RepMarkedNotReady.class),
                "busy threshold is 3 in a row");
    }

    @Test
    void shouldGiveReadyRepTheMostUrgentCallWithAgingSoNobodyStarves() {
        Script s = center(queue("sales", List.of(), 0, MaxWaitAction.HANG_UP, null));
        s.call(1, "sales", "smb", null, null, 0, CRM);
        s.now += 60_000;
        s.call(2, "sales", "smb", null, null, 5, CRM);   // 5 points more, but 1 minute younger: 10 points aging
        s.now += 1_000;
        s.call(3, "sales", "smb", null, null, 20, CRM);  // far more valuable: goes first
        s.fresh().readyReps("dan");
        s.advance(120);
        assertEquals(3, s.decisionsOf(CallOffered.class).get(0).callId());
        assertEquals(Trigger.REP_AVAILABLE, s.decisionsOf(CallOffered.class).get(0).explanation().trigger());
        s.apply(new CallAnswered(s.now, 3, "dan")).apply(new CallEnded(s.now, 3, Party.CUSTOMER, "BYE")).fresh();
        s.advance(30); // wrap-up ends
        assertEquals(1, s.decisionsOf(CallOffered.class).get(0).callId(), "call 1 aged past call 2");
    }

    @Test
    void shouldWrapUpThenTakeNextCallWhenWrapUpEnds() {
        Script s = center().readyReps("bob");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.apply(new CallAnswered(s.now, 1, "bob"));
        s.call(2, "sales", "smb", "bob", null, 0, CRM);
        s.fresh().apply(new CallEnded(s.now, 1, Party.REP, "BYE"));
        assertEquals(List.of(new WrapUpStarted(s.now, "bob", 1, s.now + 30_000)), s.decisions);
        s.fresh().advance(29);
        assertTrue(s.decisionsOf(WrapUpEnded.class).isEmpty());
        assertTrue(s.commands.isEmpty());
        s.fresh().advance(1);
        assertEquals(new WrapUpEnded(s.now, "bob", 1), s.decisions.get(0));
        assertEquals(2, s.decisionsOf(CallOffered.class).get(0).callId());
    }

    @Test
    void shouldEndWrapUpEarlyWhenRepSaysReady() {
        Script s = center().readyReps("bob");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.apply(new CallAnswered(s.now, 1, "bob")).apply(new CallEnded(s.now, 1, Party.REP, "BYE"));
        s.call(2, "sales", "smb", "bob", null, 0, CRM);
        s.fresh().now += 3_000;
        s.apply(new RepReady(s.now, "bob"));
        assertEquals(new WrapUpEnded(s.now, "bob", 1), s.decisions.get(0));
        assertEquals(2, s.decisionsOf(CallOffered.class).get(0).callId());
    }

    @Test
    void shouldCancelOfferAndFreeRepWhenCallerHangsUpWhileRinging() {
        Script s = center().readyReps("bob");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.fresh().apply(new CallAbandoned(s.now, 1));
        assertEquals(List.of(new CancelOffer(1, "bob")), s.commands);
        assertTrue(s.engine.snapshot().rep("bob").available());
        assertTrue(s.engine.snapshot().calls().isEmpty());
    }

    @Test
    void shouldOfferFieldRepOnlyInsideLiveWindowAndWhenWindowOpens() {
        Script s = new Script(model(List.of(
                field("fay", "east", Map.of("crm", 9), LocalTime.of(10, 0), LocalTime.of(12, 0))),
                List.of(queue("sales", standardTiers(), 0, MaxWaitAction.HANG_UP, null))), MONDAY_9AM);
        s.readyReps("fay");
        s.fresh().call(1, "sales", "enterprise", "fay", "east", 0, CRM);
        assertTrue(s.commands.isEmpty(), "09:00 is outside fay's 10:00-12:00 window");
        s.advance(59 * 60);
        assertTrue(s.commandsOf(OfferCall.class).isEmpty());
        s.advance(60);
        CallOffered offer = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("fay", offer.repId());
        assertEquals(Trigger.LIVE_WINDOW_OPENED, offer.explanation().trigger());
        assertEquals(Rule.ACCOUNT_OWNER, offer.explanation().rule());
    }

    @Test
    void shouldOfferCallbackAtTheCallbackTier() {
        Script s = center();
        s.call(1, "sales", "smb", null, null, 0, CRM);
        s.fresh().advance(90);
        assertEquals(List.of(new CallbackOffered(s.now, 1, "sales")), s.decisionsOf(CallbackOffered.class));
        assertEquals(List.of(new OfferCallback(1, false)), s.commands);
    }

    @Test
    void shouldMarkTheCallbackOfferAtMaxWaitAsAfterMaxWaitSoCallControlCanLetTheCallerGo() {
        Queue sales = queue("sales", List.of(), 120, MaxWaitAction.CALLBACK, null);
        Script s = new Script(model(List.of(inside("ann", "inside-smb", "east", Map.of("crm", 5))),
                List.of(sales)), MONDAY_9AM);
        s.call(1, "sales", "smb", null, null, 0, CRM);
        s.fresh().advance(120);
        assertEquals(List.of(new MaxWaitReached(s.now, 1, "sales", MaxWaitAction.CALLBACK)),
                s.decisionsOf(MaxWaitReached.class));
        assertEquals(List.of(new OfferCallback(1, true)), s.commands);
        assertTrue(s.engine.snapshot().calls().isEmpty(), "the router has let the call go");
    }

    @Test
    void shouldOverflowToAnotherQueueAtMaxWait() {
        Queue sales = queue("sales", standardTiers(), 120, MaxWaitAction.OVERFLOW, "overflow");
        Queue overflow = queue("overflow", List.of(), 60, MaxWaitAction.HANG_UP, null);
        Script s = new Script(model(List.of(inside("ann", "inside-smb", "east", Map.of("crm", 5))),
                List.of(sales, overflow)), MONDAY_9AM);
        s.call(1, "sales", "smb", null, null, 0, CRM);
        s.fresh().advance(120);
        assertEquals(List.of(new MaxWaitReached(s.now, 1, "sales", MaxWaitAction.OVERFLOW)),
                s.decisionsOf(MaxWaitReached.class));
        assertEquals(new CallQueued(s.now, 1, "overflow", 0), s.decisionsOf(CallQueued.class).get(0));
        s.fresh().advance(60);
        assertEquals(List.of(new HangUpCall(1, "max wait reached in queue overflow")), s.commands);
        assertTrue(s.engine.snapshot().calls().isEmpty());
    }

    @Test
    void shouldIgnoreAnswerFromRepWhoseOfferWasWithdrawn() {
        Script s = center().readyReps("bob");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.apply(new CallAbandoned(s.now, 1));
        long before = s.engine.ignoredEvents();
        s.fresh().apply(new CallAnswered(s.now, 1, "bob"));
        assertEquals(before + 1, s.engine.ignoredEvents());
        assertTrue(s.decisions.isEmpty());
        assertFalse(s.engine.snapshot().rep("bob").activity() == RepActivity.ON_CALL);
    }

    @Test
    void shouldNotOfferTheRingingCallBackToARepWhoDialsOut() {
        Script s = center().readyReps("bob", "ann");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.fresh().apply(new CallArrived(s.now, 100, Direction.OUTBOUND, null, "+15550001", "+15557777", "bob"));
        assertEquals(new CancelOffer(1, "bob"), s.commands.get(0));
        assertTrue(s.commandsOf(OfferCall.class).stream().noneMatch(o -> o.repId().equals("bob")),
                "bob is on his outbound call: " + s.commands);
        assertEquals(100, s.engine.rep("bob").callId());
    }

    @Test
    void shouldReturnADirectTransferToItsQueueWhenTheNamedRepRejectsIt() {
        Script s = center().readyReps("ann", "bob");
        s.call(1, "sales", "smb", "ann", null, 0, CRM);
        s.apply(new CallAnswered(s.now, 1, "ann"));
        s.fresh().apply(new CallTransferred(s.now, 1, "ann", TransferTarget.REP, "bob"));
        CallOffered direct = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("bob", direct.repId());
        assertEquals(Rule.DIRECT, direct.explanation().rule());
        s.readyReps("cat");
        s.fresh().apply(new OfferFailed(s.now, 1, "bob", OfferFailure.REJECTED));
        s.advance(10);
        assertTrue(s.decisionsOf(CallOffered.class).isEmpty(), "tier 2 admits smb's home team: ann wraps, bob declined");
        s.advance(20);
        CallOffered back = s.decisionsOf(CallOffered.class).get(0);
        assertEquals("ann", back.repId(), "ann's wrap-up is over: the account owner takes her customer back");
        assertEquals(Rule.ACCOUNT_OWNER, back.explanation().rule());
    }

    @Test
    void shouldLetADirectTransferWaitForTheNamedRepOnlyUntilTheNextTierOpens() {
        Script s = center().readyReps("ann");
        s.call(1, "sales", "smb", "ann", null, 0, CRM);
        s.apply(new CallAnswered(s.now, 1, "ann"));
        s.apply(new CallTransferred(s.now, 1, "ann", TransferTarget.REP, "dan"));
        s.readyReps("bob");
        s.fresh().advance(9);
        assertTrue(s.commandsOf(OfferCall.class).isEmpty(), "dan is not logged in; the call waits for him");
        s.advance(1);
        assertEquals("bob", s.decisionsOf(CallOffered.class).get(0).repId(), "at 10 s the home team may take it");
    }

    @Test
    void shouldCountIdleTimeFromWhenTheRepBecameReadyNotFromItsLastCall() {
        Script s = new Script(model(List.of(
                inside("ann", "inside-smb", "east", Map.of("crm", 5)),
                inside("bob", "inside-smb", "east", Map.of("crm", 5))),
                List.of(queue("sales", standardTiers(), 0, MaxWaitAction.HANG_UP, null))), MONDAY_9AM);
        s.readyReps("bob");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.apply(new CallAnswered(s.now, 1, "bob")).apply(new CallEnded(s.now, 1, Party.CUSTOMER, "BYE"));
        s.apply(new RepNotReady(s.now, "bob", "break"));
        s.advance(30);                       // bob's wrap-up ends while he is on a break
        s.readyReps("ann");                  // ann is ready from now
        s.advance(600);
        s.apply(new RepReady(s.now, "bob")); // bob is back after ten minutes
        s.fresh().call(2, "sales", "smb", null, null, 0, CRM);
        s.advance(10);
        assertEquals("ann", s.decisionsOf(CallOffered.class).get(0).repId(), "ann has been waiting longest");
    }

    @Test
    void shouldKeepWrapUpRunningWhenTheRepGoesNotReadyDuringIt() {
        Script s = center().readyReps("bob");
        s.call(1, "sales", "smb", "bob", null, 0, CRM);
        s.apply(new CallAnswered(s.now, 1, "bob")).apply(new CallEnded(s.now, 1, Party.CUSTOMER, "BYE"));
        s.fresh().now += 5_000;
        s.apply(new RepNotReady(s.now, "bob", "break"));
        assertTrue(s.decisionsOf(WrapUpEnded.class).isEmpty(), "wrap-up is after-call work, not the break");
        s.advance(25);
        assertEquals(List.of(new WrapUpEnded(s.now, "bob", 1)), s.decisionsOf(WrapUpEnded.class));
        assertEquals(RepStatus.NOT_READY, s.engine.rep("bob").status());
    }

    @Test
    void shouldMoveWaitingCallsToTheNewTiersWhenTheConfigurationChanges() {
        Queue fourTiers = queue("sales", standardTiers(), 0, MaxWaitAction.HANG_UP, null);
        Script s = center(fourTiers);
        s.readyReps("dan");
        s.call(1, "sales", "smb", null, null, 0, CRM);
        s.advance(12); // tier 2: home team (smb), dan is not in it
        Queue oneTier = queue("sales", List.of(standardTiers().get(0), standardTiers().get(2)), 0,
                MaxWaitAction.HANG_UP, null);
        s.fresh().apply(new ConfigChanged(s.now, 2, "test", model(s.engine.model().reps(), List.of(oneTier))));
        s.advance(40); // the old tier timers must not fire against the shorter tier list
        assertEquals("dan", s.decisionsOf(CallOffered.class).get(0).repId(), "tier 2 of the new list admits inside reps");
    }
}

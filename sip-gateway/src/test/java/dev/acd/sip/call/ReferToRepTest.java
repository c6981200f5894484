package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.Party;
import dev.acd.core.event.TransferTarget;
import dev.acd.testkit.Tones;

/** A REFER naming a rep: refused while that rep is logged out, accepted otherwise. */
class ReferToRepTest extends TrunkAndAvaTest {
    /** A customer's call answered by ava. */
    private Phone.Call answeredByAva() {
        Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
        long callId = gateway.awaitEvent(CallArrived.class).callId();
        await().atMost(Duration.ofSeconds(5)).until(() -> call.finalResponse.isDone());
        gateway.control.onCommand(new OfferCall(callId, "rep-ava", Gateway.softphone("ava.chen"), 10));
        gateway.awaitEvent(CallAnswered.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ava.dialogs.isEmpty());
        return call;
    }

    @Test
    void shouldRefuseWith480AndKeepTheCallWithTheRepWhenTheReferNamesALoggedOutRep() throws Exception {
        gateway.control.repPresence(repId -> !repId.equals("rep-ben"));
        Phone.Call call = answeredByAva();

        assertEquals(480, ava.refer(ava.dialogs.get(0), "sip:rep-ben@127.0.0.1").get(5, TimeUnit.SECONDS));
        trunk.forget();
        ava.sendTone(2000, 60);
        await().atMost(Duration.ofSeconds(5)).until(() -> Tones.lastDominates(trunk.heard(), 4000, 2000, 1000));
        assertTrue(ava.events.stream().noneMatch(e -> e.startsWith("notify") || e.startsWith("ended")),
                "no subscription, no BYE: " + ava.events);

        ava.hangUp(ava.dialogs.get(0));
        assertEquals(Party.REP, gateway.awaitEvent(CallEnded.class).endedBy());
        await().atMost(Duration.ofSeconds(5)).until(() -> trunk.events.contains("ended: BYE received"));
        assertEquals(List.of("CallArrived", "CallClassified", "CallAnswered", "CallEnded"),
                gateway.callEventNames().subList(0, 4));
        assertTrue(call.finalResponse.isDone());
    }

    @Test
    void shouldAcceptTheReferWhenTheNamedRepIsLoggedIn() throws Exception {
        gateway.control.repPresence(repId -> true);
        answeredByAva();

        assertEquals(202, ava.refer(ava.dialogs.get(0), "sip:rep-ben@127.0.0.1").get(5, TimeUnit.SECONDS));
        CallTransferred transferred = gateway.awaitEvent(CallTransferred.class);
        assertEquals(TransferTarget.REP, transferred.targetKind());
        assertEquals("rep-ben", transferred.target());
    }
}

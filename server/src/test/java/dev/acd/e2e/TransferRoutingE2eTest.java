package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.BEN;
import static dev.acd.e2e.E2eServer.CARA;
import static dev.acd.e2e.E2eServer.REALM;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.testkit.Sipp;

/**
 * Blind transfers (REFER) through the whole server: a transfer to a queue is routed as that queue routes, and a
 * transfer to a rep who is not logged in is refused with the call left with the rep.
 */
class TransferRoutingE2eTest extends SippE2eTest {

    private Sipp caller() {
        return closing(Sipp.scenario("uac-call-wait-bye").remote(acd.sipAddress()).service(SALES_NUMBER)
                .timeout(LIMIT).start(dir));
    }

    private String serverUri(String user) {
        return "sip:" + user + "@" + acd.sipAddress().getAddress().getHostAddress() + ":" + acd.sipAddress().getPort();
    }

    @Test
    void shouldHaveTheTargetQueuesRepAnswerACallTransferredToAnotherQueueNotTheTransferringTeam() throws Exception {
        acd = E2eServer.start(dir, E2eServer.Options.defaults());
        // cara (overflow desk, crm 5) is ready before ben (ava's team, crm 6): support asks for no skill, so the
        // longest idle rep takes its calls; had the call kept sales' "crm 2", ben's higher crm level would win.
        TestPhone cara = closing(acd.rep("127.0.0.4", CARA));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp caller = caller();
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));

        assertEquals(202, ava.refer(ava.lastDialog(), serverUri("support")).get(5, TimeUnit.SECONDS));
        await().atMost(LIMIT).until(() -> cara.events.contains("ack"));
        cara.hangUp(cara.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded);

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "CallAnswered ava.chen",
                        "CallTransferred QUEUE support", "CallQueued support", "CallOffered cara.diaz",
                        "CallAnswered cara.diaz"),
                acd.life(CallQueued.class, CallOffered.class, CallAnswered.class, CallTransferred.class));
        assertTrue(ben.events.stream().noneMatch(e -> e.startsWith("invite")), "ben was never rung: " + ben.events);
        assertEquals(1, E2eServer.row(acd.journal(), Grouping.REP, CARA).value(Metric.ANSWERED));
    }

    @Test
    void shouldRefuseAReferToALoggedOutRepAndKeepTheCallWithTheTransferringRep() throws Exception {
        acd = E2eServer.start(dir, E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        // ben's softphone is registered but ben has not logged in
        TestPhone ben = closing(TestPhone.start("127.0.0.3"));
        ben.register(acd.sipAddress(), REALM, BEN, E2eServer.password(BEN));
        Sipp caller = caller();
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));

        assertEquals(480, ava.refer(ava.lastDialog(), serverUri(BEN)).get(5, TimeUnit.SECONDS),
                "a rep who is not logged in cannot take a transfer");
        assertTrue(ava.events.stream().noneMatch(e -> e.startsWith("ended") || e.startsWith("notify")),
                "RFC 3515 2.4.2: no subscription; the call stays with ava: " + ava.events);
        assertTrue(acd.journaled(CallTransferred.class).isEmpty());

        ava.hangUp(ava.lastDialog());
        assertTrue(caller.await(LIMIT).allSucceeded(), "the caller was still connected to ava until she hung up");
        awaitJournaled(e -> e instanceof CallEnded);
        assertEquals(List.of("CallAnswered ava.chen", "CallEnded REP BYE"),
                acd.life(CallAnswered.class, CallTransferred.class, CallEnded.class));
        assertTrue(ben.events.stream().noneMatch(e -> e.startsWith("invite")), "ben was never rung: " + ben.events);
        assertEquals(0, E2eServer.totals(acd.journal(), Grouping.QUEUE).value(Metric.TRANSFERS));
    }

    @Test
    void shouldGiveACallTransferredToABusyRepBackToItsQueueAfterTheRingTimeout() throws Exception {
        acd = E2eServer.start(dir, E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp first = caller();
        await().atMost(LIMIT).until(() -> ava.events.contains("ack"));
        TestPhone ben = closing(acd.rep("127.0.0.3", BEN));
        Sipp second = caller();
        await().atMost(LIMIT).until(() -> ben.events.contains("ack"));
        long firstCall = acd.journaled(CallAnswered.class).get(0).callId();

        assertEquals(202, ava.refer(ava.lastDialog(), serverUri(BEN)).get(5, TimeUnit.SECONDS));
        // ben is talking to the second caller; after sales' 2 s ring timeout the call is sales' again and ava,
        // out of her 1 s wrap-up, is its only eligible rep (a one-tier queue: before, it waited its 300 s max wait)
        await().atMost(LIMIT).until(() -> ava.events.stream().filter("ack"::equals).count() == 2);
        ava.hangUp(ava.lastDialog());
        ben.hangUp(ben.lastDialog());
        assertTrue(first.await(LIMIT).allSucceeded());
        assertTrue(second.await(LIMIT).allSucceeded());
        awaitJournaled(e -> e instanceof CallEnded ended && ended.callId() == firstCall);

        List<CallOffered> offers = acd.journaled(CallOffered.class).stream()
                .filter(o -> o.callId() == firstCall).toList();
        assertEquals(List.of(AVA, AVA), offers.stream().map(CallOffered::repId).toList());
        assertEquals("REQUEUED", offers.get(1).explanation().trigger().name());
        CallTransferred transferred = acd.journaled(CallTransferred.class).get(0);
        long waitedMs = offers.get(1).at() - transferred.at();
        assertTrue(waitedMs >= 2_000 && waitedMs < 10_000, "waited for ben for the ring timeout: " + waitedMs + " ms");
    }
}

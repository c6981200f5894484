package dev.acd.sipserver;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.acd.config.SipSettings;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.core.event.SourceBlocked;
import dev.acd.testkit.Sipp;

/**
 * SIPp against the real server (journal, router, services) on 127.0.0.1: registration with digest over UDP and TCP,
 * the defence blocking a guessing source, OPTIONS, and calls to the echo test line, answered and cancelled.
 */
class SipServerSippTest {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private SipServerHarness acd;

    @BeforeAll
    static void needsSipp() {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester; .ci/run installs it)");
    }

    @AfterEach
    void stop() {
        if (acd != null) {
            acd.close();
        }
    }

    private void start(UnaryOperator<SipSettings> change) throws Exception {
        acd = SipServerHarness.start(dir, change);
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldRegisterWithDigestAndJournalTheRepReachableThenUnreachable(Sipp.Transport transport) throws Exception {
        start(UnaryOperator.identity());
        try (Sipp phone = Sipp.scenario("register-digest").transport(transport).remote(acd.address(transport))
                .service(SipServerHarness.USER).auth(SipServerHarness.USER, SipServerHarness.PASSWORD).start(dir)) {
            Sipp.Result result = phone.await(LIMIT);
            assertTrue(result.allSucceeded(), result.toString());
            assertEquals(1, result.successfulCalls(), result.toString());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !acd.journaled(RepUnreachable.class).isEmpty());
        List<Event> reachability = acd.journal().stream()
                .filter(e -> e instanceof RepReachable || e instanceof RepUnreachable).toList();
        assertEquals(2, reachability.size(), reachability.toString());
        RepReachable reachable = (RepReachable) reachability.get(0);
        RepUnreachable unreachable = (RepUnreachable) reachability.get(1);
        assertEquals("ava.chen", reachable.repId());
        assertTrue(reachable.contact().contains("ava.chen@127.0.0.1"), reachable.contact());
        assertEquals("ava.chen", unreachable.repId());
        assertEquals("unregistered", unreachable.reason());
        assertEquals(0, acd.sip.registrar().bindingCount());
    }

    @Test
    void shouldBlockASourceThatKeepsFailingAuthenticationAndDropItsRequests() throws Exception {
        start(sip -> sip.withDefence(new SipSettings.Defence(60_000, 3, 20, 600_000)));
        try (Sipp guesser = Sipp.scenario("register-digest").remote(acd.address(Sipp.Transport.UDP))
                .service(SipServerHarness.USER).auth(SipServerHarness.USER, "wrong-password")
                .calls(5, 50).concurrent(1).timeout(Duration.ofSeconds(8)).start(dir)) {
            Sipp.Result result = guesser.await(LIMIT);
            assertFalse(result.allSucceeded(), result.toString());
            assertTrue(result.errors().contains("401"), "wrong passwords must be answered 401 until the block:\n"
                    + result);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !acd.journaled(SourceBlocked.class).isEmpty());
        SourceBlocked blocked = acd.journaled(SourceBlocked.class).get(0);
        assertEquals("127.0.0.1", blocked.address());
        assertEquals(SipServerHarness.USER, blocked.user());
        assertTrue(acd.journaled(RepReachable.class).isEmpty(), "a guesser never registers");

        long refusedBefore = acd.sip.stack().requestsRefused();
        try (Sipp ping = Sipp.scenario("options-ping").remote(acd.address(Sipp.Transport.UDP))
                .timeout(Duration.ofSeconds(3)).start(dir)) {
            Sipp.Result result = ping.await(LIMIT);
            assertFalse(result.allSucceeded(), "a blocked source gets no answer at all:\n" + result);
        }
        assertTrue(acd.sip.stack().requestsRefused() > refusedBefore, "the blocked OPTIONS must be counted");
        assertEquals(1, acd.journaled(SourceBlocked.class).size(), "one block, one event");
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldAnswerAnOptionsPingWith200(Sipp.Transport transport) throws Exception {
        start(UnaryOperator.identity());
        try (Sipp ping = Sipp.scenario("options-ping").transport(transport).remote(acd.address(transport))
                .service("acd").start(dir)) {
            Sipp.Result result = ping.await(LIMIT);
            assertTrue(result.allSucceeded(), result.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldAnswerCallsToTheEchoLineAndHangUpOnBye(Sipp.Transport transport) throws Exception {
        start(sip -> sip.withTestExtension("echo", 200));
        try (Sipp caller = Sipp.scenario("uac-call").transport(transport).remote(acd.address(transport))
                .service("echo").calls(3, 10).start(dir)) {
            Sipp.Result result = caller.await(LIMIT);
            assertTrue(result.allSucceeded(), result.toString());
            assertEquals(3, result.successfulCalls(), result.toString());
        }
        assertEquals(3.0, acd.server.metrics().get("acd.sip.test.line.answered").functionCounter().count());
        // every test call ends with its BYE and gives its RTP ports back
        await().atMost(Duration.ofSeconds(10)).until(() -> acd.sip.stack().core().dialogCount() == 0
                && acd.server.metrics().get("acd.sip.test.line.calls").gauge().value() == 0.0);
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldEndACancelledCallToTheEchoLineWith487(Sipp.Transport transport) throws Exception {
        start(sip -> sip.withTestExtension("echo", 30_000));
        try (Sipp caller = Sipp.scenario("uac-cancel").transport(transport).remote(acd.address(transport))
                .service("echo").calls(2, 10).start(dir)) {
            Sipp.Result result = caller.await(LIMIT);
            assertTrue(result.allSucceeded(), result.toString());
            assertEquals(2, result.successfulCalls(), result.toString());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> acd.server.metrics().get("acd.sip.test.line.calls").gauge().value() == 0.0);
        assertEquals(0.0, acd.server.metrics().get("acd.sip.test.line.answered").functionCounter().count());
    }

    @ParameterizedTest
    @EnumSource(Sipp.Transport.class)
    void shouldQueueATrunkCallWithMusicAndJournalItsAbandonWhenTheCallerHangsUp(Sipp.Transport transport)
            throws Exception {
        start(UnaryOperator.identity());
        // SIPp is the trunk: it dials the sales line's number, gets answered with our media while queued (no rep is
        // logged in), and hangs up 200 ms later.
        try (Sipp trunk = Sipp.scenario("uac-call").transport(transport).remote(acd.address(transport))
                .service("+12125550100").start(dir)) {
            Sipp.Result result = trunk.await(LIMIT);
            assertTrue(result.allSucceeded(), result.toString());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !acd.journaled(CallAbandoned.class).isEmpty());
        List<String> life = acd.journal().stream()
                .filter(e -> e instanceof CallArrived || e instanceof CallClassified || e instanceof CallQueued
                        || e instanceof CallAbandoned)
                .map(e -> e.getClass().getSimpleName()).toList();
        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued", "CallAbandoned"), life);
        CallArrived arrived = acd.journaled(CallArrived.class).get(0);
        assertEquals("sales", arrived.lineId());
    }

    @Test
    void shouldRefuseACallToANumberThatIsNoLineWith404() throws Exception {
        start(UnaryOperator.identity());
        try (Sipp caller = Sipp.scenario("uac-call").remote(acd.address(Sipp.Transport.UDP))
                .service("+19995550000").timeout(Duration.ofSeconds(5)).start(dir)) {
            Sipp.Result result = caller.await(LIMIT);
            assertFalse(result.allSucceeded(), result.toString());
            assertTrue(result.errors().contains("SIP/2.0 404"), result.toString());
        }
        assertTrue(acd.journaled(CallArrived.class).isEmpty(), "a refused call is not a call of ours");
    }
}

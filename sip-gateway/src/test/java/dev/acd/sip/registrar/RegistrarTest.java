package dev.acd.sip.registrar;

import static dev.acd.sip.registrar.RegistrarHarness.PHONE;
import static dev.acd.sip.registrar.RegistrarHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.event.Event;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.sip.auth.DigestClient;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.transport.SipTransport;
import gov.nist.javax.sip.header.Contact;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RegistrarTest {
    private final RegistrarHarness h = new RegistrarHarness();

    /** The Contact URIs of a 200 with their expires parameters. */
    private static Map<String, Integer> contacts(SipMessage response) {
        Map<String, Integer> out = new TreeMap<>();
        ListIterator<?> it = response.raw().getHeaders("Contact");
        while (it != null && it.hasNext()) {
            Contact c = (Contact) it.next();
            out.put(c.getAddress().getURI().toString(), c.getExpires());
        }
        return out;
    }

    private List<String> contactsOf(String repId) {
        return h.registrar.bindingsOf(repId).stream().map(Binding::contact).sorted().toList();
    }

    @Test
    void shouldChallengeAFirstRegisterThenBindTheContactAndMakeTheRepReachable() {
        RegistrarHarness.Register r = h.register().contact("<sip:ava.chen@10.1.1.20:5060>").expires(600);

        SipMessage challenge = h.send(r, null);
        assertEquals(401, challenge.statusCode());
        assertEquals(0, h.registrar.bindingCount());
        SipMessage ok = h.registerWithPassword(r, "demo-ava.chen");

        assertEquals(200, ok.statusCode());
        assertEquals(Map.of("sip:ava.chen@10.1.1.20:5060", 600), contacts(ok));
        assertEquals(List.of("sip:ava.chen@10.1.1.20:5060"), contactsOf("rep-ava"));
        assertEquals(List.of(new RepReachable(T0, "rep-ava", "sip:ava.chen@10.1.1.20:5060")), h.publisher.events);
    }

    @Test
    void shouldRememberWhereTheRegisterCameFromAndOverWhatForPhonesBehindNat() {
        InetSocketAddress natted = new InetSocketAddress("203.0.113.50", 40_123);

        h.registerWithPassword(h.register().contact("<sip:ava.chen@10.1.1.20:5060;transport=tcp>"),
                "demo-ava.chen", natted, SipTransport.TCP);

        Binding binding = h.registrar.bindingsOf("rep-ava").get(0);
        assertEquals(natted, binding.source());
        assertEquals(SipTransport.TCP, binding.transport());
        assertEquals("ava.chen", binding.user());
        assertEquals(T0 + 3_600_000, binding.expiresAt());
    }

    @Test
    void shouldRefuseWith403WhenToOrFromIsNotTheAuthenticatedUser() {
        SipMessage to = h.registerWithPassword(h.register().as("ben.okafor").to("ava.chen")
                .contact("<sip:ben@10.1.1.21>"), "demo-ben.okafor");
        SipMessage from = h.registerWithPassword(h.register().as("ben.okafor").from("ava.chen").callId("other")
                .contact("<sip:ben@10.1.1.21>"), "demo-ben.okafor");

        assertEquals(403, to.statusCode());
        assertEquals(403, from.statusCode());
        assertEquals(0, h.registrar.bindingCount());
        assertTrue(h.publisher.events.isEmpty());
    }

    @Test
    void shouldKeepSeveralContactsAndListThemAllWithTheirRemainingSeconds() {
        h.registerOk(h.register().callId("desk").contact("<sip:ava.chen@10.1.1.20:5060>;expires=120")
                .contact("<sip:ava.chen@10.1.1.20:5070>").expires(900));
        h.time.advance(30_000);

        SipMessage ok = h.registerOk(h.register().callId("laptop").contact("<sip:ava.chen@10.1.1.99:5062>")
                .expires(300));

        assertEquals(Map.of("sip:ava.chen@10.1.1.20:5060", 90, "sip:ava.chen@10.1.1.20:5070", 870,
                "sip:ava.chen@10.1.1.99:5062", 300), contacts(ok));
        assertEquals(3, h.registrar.bindingsOf("rep-ava").size());
        assertEquals(1, h.publisher.of(RepReachable.class).size(), "reachable once, at the first binding");
    }

    @Test
    void shouldAnswerAQueryWithoutContactsWithTheCurrentBindings() {
        h.registerOk(h.register().callId("desk").contact("<sip:ava.chen@10.1.1.20:5060>").expires(600));

        SipMessage ok = h.registerOk(h.register().callId("query"));

        assertEquals(Map.of("sip:ava.chen@10.1.1.20:5060", 600), contacts(ok));
    }

    @Test
    void shouldAnswer423WithMinExpiresWhenAContactAsksForLessThanTheMinimum() {
        SipMessage brief = h.registerWithPassword(h.register().contact("<sip:ava.chen@10.1.1.20>").expires(59),
                "demo-ava.chen");

        assertEquals(423, brief.statusCode());
        assertEquals("60", brief.raw().getHeader("Min-Expires").toString().replaceAll("\\D", ""));
        assertEquals(0, h.registrar.bindingCount());
    }

    @Test
    void shouldShortenAnExpiryAboveTheMaximum() {
        SipMessage ok = h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20>;expires=86400"));

        assertEquals(Map.of("sip:ava.chen@10.1.1.20", 3600), contacts(ok));
    }

    @Test
    void shouldTreatAMalformedContactExpiresAsTheDefaultAndAnOverflowingOneAsTheMaximum() {
        RegistrarHarness shortDefault = new RegistrarHarness(RegistrarSettings.DEFAULTS.withExpires(60, 3600, 900),
                dev.acd.sip.defence.DefenceSettings.DEFAULTS);

        SipMessage ok = shortDefault.registerOk(shortDefault.register().expires(120)
                .contact("<sip:ava.chen@10.1.1.20:5060>;expires=soon")
                .contact("<sip:ava.chen@10.1.1.20:5070>;expires=99999999999"));

        assertEquals(Map.of("sip:ava.chen@10.1.1.20:5060", 900, "sip:ava.chen@10.1.1.20:5070", 3600), contacts(ok));
    }

    @Test
    void shouldExpireABindingByTimerAndMakeTheRepUnreachable() {
        h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20>").expires(120));

        h.time.advance(119_999);
        assertEquals(1, h.registrar.bindingCount());
        h.time.advance(1);

        assertEquals(0, h.registrar.bindingCount());
        assertEquals(List.of(new RepUnreachable(T0 + 120_000, "rep-ava", "expired")),
                h.publisher.of(RepUnreachable.class));
    }

    @Test
    void shouldPostponeExpiryWhenTheBindingIsRefreshed() {
        RegistrarHarness.Register r = h.register().contact("<sip:ava.chen@10.1.1.20>").expires(120);
        h.registerOk(r);
        h.time.advance(100_000);

        h.registerOk(r);
        h.time.advance(100_000);

        assertEquals(1, h.registrar.bindingCount());
        assertTrue(h.publisher.of(RepUnreachable.class).isEmpty());
        h.time.advance(20_000);
        assertEquals(0, h.registrar.bindingCount());
    }

    @Test
    void shouldRemoveOneContactOnExpiresZeroAndTheRepOnlyWithTheLast() {
        h.registerOk(h.register().contact("<sip:ava.chen@10.1.1.20:5060>").contact("<sip:ava.chen@10.1.1.20:5070>"));

        SipMessage one = h.registerOk(h.register().callId("x").contact("<sip:ava.chen@10.1.1.20:5060>;expires=0"));
        assertEquals(Map.of("sip:ava.chen@10.1.1.20:5070", 3600), contacts(one));
        assertTrue(h.publisher.of(RepUnreachable.class).isEmpty());

        SipMessage last = h.registerOk(h.register().callId("y").contact("<sip:ava.chen@10.1.1.20:5070>").expires(0));
        assertEquals(Map.of(), contacts(last));
        assertEquals(List.of(new RepUnreachable(T0, "rep-ava", "unregistered")), h.publisher.of(RepUnreachable.class));
    }

    @Test
    void shouldRemoveEveryBindingOfTheUserOnContactStarWithExpiresZero() {
        h.registerOk(h.register().callId("desk").contact("<sip:ava.chen@10.1.1.20:5060>"));
        h.registerOk(h.register().callId("laptop").contact("<sip:ava.chen@10.1.1.99:5062>"));

        SipMessage ok = h.registerOk(h.register().callId("logout").contact("*").expires(0));

        assertEquals(Map.of(), contacts(ok));
        assertEquals(0, h.registrar.bindingCount());
        assertEquals(List.of("unregistered"), h.publisher.of(RepUnreachable.class).stream()
                .map(RepUnreachable::reason).toList());
    }

    @Test
    void shouldRefuseContactStarWithoutExpiresZeroOrBesideOtherContacts() {
        h.registerOk(h.register().callId("desk").contact("<sip:ava.chen@10.1.1.20:5060>"));

        SipMessage noExpires = h.registerWithPassword(h.register().callId("a").contact("*"), "demo-ava.chen");
        SipMessage mixed = h.registerWithPassword(h.register().callId("b").contact("*")
                .contact("<sip:ava.chen@10.1.1.30>").expires(0), "demo-ava.chen");

        assertEquals(400, noExpires.statusCode());
        assertEquals(400, mixed.statusCode());
        assertEquals(1, h.registrar.bindingCount());
    }

    @Test
    void shouldAbortTheWholeUpdateWhenTheCSeqIsNotAboveTheBindingsOfTheSameCallId() {
        RegistrarHarness.Register r = h.register().callId("desk").cseq(10).contact("<sip:ava.chen@10.1.1.20:5060>")
                .expires(600);
        h.registerOk(r);
        long bound = h.registrar.bindingsOf("rep-ava").get(0).cseq();
        assertEquals(11, bound);

        RegistrarHarness.Register late = h.register().callId("desk").cseq(9)
                .contact("<sip:ava.chen@10.1.1.20:5060>").contact("<sip:ava.chen@10.1.1.20:5090>").expires(0);
        SipMessage refused = h.send(late, h.authorization("ava.chen", "demo-ava.chen"));

        assertEquals(500, refused.statusCode());
        assertEquals(List.of("sip:ava.chen@10.1.1.20:5060"), contactsOf("rep-ava"));

        SipMessage otherCallId = h.send(h.register().callId("laptop").cseq(1)
                .contact("<sip:ava.chen@10.1.1.20:5060>").expires(0), h.authorization("ava.chen", "demo-ava.chen"));
        assertEquals(200, otherCallId.statusCode(), "a lower CSeq with another Call-ID is a new registration");
        assertEquals(0, h.registrar.bindingCount());
    }

    @Test
    void shouldReplaceTheBindingExpiringFirstPastTheContactLimit() {
        RegistrarHarness small = new RegistrarHarness(RegistrarSettings.DEFAULTS.withMaxContactsPerUser(2),
                dev.acd.sip.defence.DefenceSettings.DEFAULTS);
        small.registerOk(small.register().callId("a").contact("<sip:ava.chen@10.0.0.1>").expires(300));
        small.registerOk(small.register().callId("b").contact("<sip:ava.chen@10.0.0.2>").expires(900));

        small.registerOk(small.register().callId("c").contact("<sip:ava.chen@10.0.0.3>").expires(600));

        assertEquals(List.of("sip:ava.chen@10.0.0.2", "sip:ava.chen@10.0.0.3"), small.registrar.bindingsOf("rep-ava")
                .stream().map(Binding::contact).sorted().toList());
    }

    @Test
    void shouldChallengeAgainWithStaleTrueWhenTheNonceExpiredAndThenAcceptTheNewOne() {
        RegistrarHarness.Register r = h.register().contact("<sip:ava.chen@10.1.1.20>");
        h.registerOk(r);
        h.time.advance(400_000);

        SipMessage stale = h.send(r.cseq(r.cseq + 1), h.authorization("ava.chen", "demo-ava.chen"));

        assertEquals(401, stale.statusCode());
        assertEquals("true", DigestClient.challenge(stale, "WWW-Authenticate", "SHA-256").get("stale"));
        assertEquals(0, h.defence.failedAuthentications(), "a stale nonce is not a failure");
        assertEquals(200, h.registerOk(r).statusCode());
    }

    @Test
    void shouldChallengeAReplayedRegisterAndCountItAsAFailure() {
        RegistrarHarness.Register r = h.register().contact("<sip:ava.chen@10.1.1.20>");
        h.registerOk(r);
        RegistrarHarness.Register attacker = h.register().callId("evil").contact("<sip:ava.chen@203.0.113.66>");

        SipMessage answer = h.send(attacker, h.lastAuthorization);

        assertEquals(401, answer.statusCode());
        assertEquals(1, h.defence.failedAuthentications());
        assertEquals(List.of("sip:ava.chen@10.1.1.20"), contactsOf("rep-ava"));
    }

    @Test
    void shouldBlockASourceAfterRepeatedWrongPasswordsDropItsRequestsAndLetItBackAfterTheBlock() {
        InetSocketAddress guesser = new InetSocketAddress("203.0.113.66", 5060);
        RegistrarHarness.Register r = h.register().contact("<sip:ava.chen@203.0.113.66>");
        for (int i = 1; i < 10; i++) {
            assertEquals(401, h.registerWithPassword(r, "guess-" + i, guesser, SipTransport.UDP).statusCode());
        }

        SipMessage tenth = h.registerWithPassword(r, "guess-10", guesser, SipTransport.UDP);
        assertEquals(403, tenth.statusCode());
        assertNull(h.send(r.cseq(r.cseq + 1).text(null), guesser, SipTransport.UDP), "dropped without an answer");
        assertNull(h.send(r.cseq(r.cseq + 1).text(null), guesser, SipTransport.UDP));
        assertEquals(2, h.registrar.droppedRequests());
        assertEquals(2, h.defence.droppedRequests());
        List<Event> blocks = h.publisher.events.stream()
                .filter(e -> e instanceof dev.acd.core.event.SourceBlocked).toList();
        assertEquals(1, blocks.size(), "one SourceBlocked per block");
        assertEquals(200, h.registerOk(h.register().callId("elsewhere").contact("<sip:ava.chen@10.1.1.20>"))
                .statusCode(), "the rep's own phone from another address still registers");

        h.time.advance(dev.acd.sip.defence.DefenceSettings.DEFAULT_BLOCK_MS);
        SipMessage after = h.registerWithPassword(r, "demo-ava.chen", guesser, SipTransport.UDP);
        assertEquals(200, after.statusCode());
    }
}

package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.acd.calls.CallMeters;
import dev.acd.config.ConfigLoader;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.journal.JournalSettings;
import dev.acd.core.time.Clock;
import dev.acd.router.pipeline.PipelineSettings;
import dev.acd.runtime.AcdServer;
import dev.acd.runtime.Services;
import dev.acd.sipserver.SipService;
import dev.acd.testkit.FreePorts;
import dev.acd.testkit.Sipp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overload failure, small: a caller or a rep's phone that answered and then vanished (no BYE, its socket
 * closed, as SIPp callers and answerers that time out do) used to keep the call live and the rep ON_CALL for good.
 * With a 1 s keepalive and T1 = 50 ms (an unanswered OPTIONS gives up after 3.2 s), the call ends in the journal,
 * the other party gets a BYE, and the rep goes through wrap-up and takes the next call. Peers that answer the
 * keepalive (SIPp with -aa, baresip) keep their calls; an RTP port shortage is never charged to the rep.
 */
class DeadCallE2eTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private AcdServer server;
    private SipService sip;

    /** Two RTP port pairs in a range no other test server uses (E2eServer's is 30100-32699). */
    private final int rtpFirst = 19000 + 2 * ThreadLocalRandom.current().nextInt(480);

    @BeforeEach
    void start(TestInfo test) throws Exception {
        Path file = E2eServer.writeConfig(dir, E2eServer.Options.defaults());
        String yaml = Files.readString(file).replace("  transports: [udp]\n", "  transports: [udp]\n"
                + "  timers: { t1Ms: 50, t2Ms: 400, t4Ms: 500 }\n"
                + "  calls: { keepaliveSeconds: 1, rtpTimeoutSeconds: 0 }\n");
        if (test.getTags().contains("two-port-pairs")) {
            yaml = yaml.replaceFirst("rtpPortFirst: \\d+, rtpPortLast: \\d+", "rtpPortFirst: " + rtpFirst
                    + ", rtpPortLast: " + (rtpFirst + 3));
            assertTrue(yaml.contains("rtpPortFirst: " + rtpFirst + ","), "the test configuration's RTP range moved");
        }
        Files.writeString(file, yaml);
        server = AcdServer.start(ConfigLoader.load(file), new JournalSettings(dir.resolve("journal"), 0),
                Clock.SYSTEM, PipelineSettings.DEFAULT);
        try {
            Services.startAll(server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        sip = server.service(SipService.class).orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestPhone readyRep(String host, String repId) throws Exception {
        TestPhone phone = TestPhone.start(host);
        phone.register(sip.udpAddress(), E2eServer.REALM, repId, E2eServer.password(repId));
        long now = server.clock().millis();
        server.events().publish(new RepLoggedIn(now, repId));
        server.events().publish(new RepReady(now, repId));
        return phone;
    }

    private <T extends Event> List<T> journaled(Class<T> type) {
        return E2eServer.readAll(server.journal()).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void shouldEndTheCallFreeTheRepAndOfferTheNextCallWhenTheCallerVanishesMidCall() throws Exception {
        try (TestPhone ava = readyRep("127.0.0.2", AVA); TestPhone next = TestPhone.start("127.0.0.1")) {
            TestPhone vanishing = TestPhone.start("127.0.0.1");
            TestPhone.Call call = vanishing.call(SALES_NUMBER, sip.udpAddress());
            assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
            await().atMost(LIMIT).until(() -> journaled(CallAnswered.class).size() == 1);
            long callId = journaled(CallAnswered.class).get(0).callId();

            vanishing.close(); // the caller forgets the call: no BYE, nothing answers any more

            CallEnded ended = await().atMost(LIMIT).until(() -> journaled(CallEnded.class).stream()
                    .filter(e -> e.callId() == callId).findFirst().orElse(null), e -> e != null);
            assertEquals(Party.SYSTEM, ended.endedBy());
            assertEquals("customer leg lost: no answer to OPTIONS", ended.reason());
            assertEquals(1.0, server.metrics().find(CallMeters.SYSTEM_ENDED).functionCounter().count());
            await().atMost(LIMIT).until(() -> ava.events.contains("ended: BYE received"));
            await().atMost(LIMIT).until(() -> journaled(WrapUpStarted.class).stream()
                    .anyMatch(w -> w.callId() == callId && w.repId().equals(AVA)));
            await().atMost(LIMIT).until(() -> journaled(WrapUpEnded.class).stream()
                    .anyMatch(w -> w.callId() == callId));

            TestPhone.Call second = next.call(SALES_NUMBER, sip.udpAddress());
            assertEquals(200, second.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
            await().atMost(LIMIT).until(() -> journaled(CallAnswered.class).size() == 2);
            assertEquals(AVA, journaled(CallAnswered.class).get(1).repId());
            next.hangUp(second.dialog);
            await().atMost(LIMIT).until(() -> journaled(CallEnded.class).size() == 2);
        }
    }

    @Test
    void shouldEndTheCallAndFreeTheRepWhenASippCallerForgetsTheCallAfterItsAck() throws Exception {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester)");
        try (TestPhone ava = readyRep("127.0.0.2", AVA);
                Sipp caller = Sipp.scenario("uac-call-vanish").remote(sip.udpAddress()).service(SALES_NUMBER)
                        .timeout(LIMIT).start(dir)) {
            Sipp.Result result = caller.await(LIMIT); // one call: SIPp exits after its ACK, its socket closes
            assertTrue(result.allSucceeded(), result.toString());
            await().atMost(LIMIT).until(() -> journaled(CallAnswered.class).size() == 1);

            CallEnded ended = await().atMost(LIMIT).until(() -> journaled(CallEnded.class).stream().findFirst()
                    .orElse(null), e -> e != null);
            assertEquals(Party.SYSTEM, ended.endedBy());
            assertTrue(ended.reason().startsWith("customer leg lost: "), ended.reason());
            await().atMost(LIMIT).until(() -> ava.events.contains("ended: BYE received"));
            await().atMost(LIMIT).until(() -> journaled(WrapUpEnded.class).stream()
                    .anyMatch(w -> w.callId() == ended.callId()));
        }
    }

    @Test
    void shouldKeepASippCallThatAnswersTheKeepalive() throws Exception {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester)");
        try (TestPhone ava = readyRep("127.0.0.2", AVA);
                Sipp caller = Sipp.scenario("uac-call-talk").remote(sip.udpAddress()).service(SALES_NUMBER)
                        .autoAnswer().timeout(LIMIT).start(dir)) {
            // the caller talks 1.5 s: a keepalive OPTIONS reaches it mid-call and SIPp answers it 200 (-aa; without
            // it SIPp aborts the call on the unexpected request and sends BYE)
            Sipp.Result result = caller.await(LIMIT);
            assertTrue(result.allSucceeded(), result.toString());
            CallEnded ended = await().atMost(LIMIT).until(() -> journaled(CallEnded.class).stream().findFirst()
                    .orElse(null), e -> e != null);
            assertEquals(Party.CUSTOMER, ended.endedBy());
            assertEquals("BYE", ended.reason());
        }
    }

    @Test
    @Tag("two-port-pairs")
    void shouldNotChargeTheRepWhenNoRtpPortIsFreeForHerLegAndGiveHerTheNextCall() throws Exception {
        try (TestPhone ava = readyRep("127.0.0.2", AVA); TestPhone first = TestPhone.start("127.0.0.1");
                TestPhone second = TestPhone.start("127.0.0.1")) {
            TestPhone.Call call;
            // another program holds the second pair: the caller's leg takes the first, the rep's leg finds none
            try (DatagramSocket squatter = new DatagramSocket(
                    new InetSocketAddress("127.0.0.1", rtpFirst + 2))) {
                call = first.call(SALES_NUMBER, sip.udpAddress());
                assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
                CallEnded ended = await().atMost(LIMIT).until(() -> journaled(CallEnded.class).stream().findFirst()
                        .orElse(null), e -> e != null);
                assertEquals(Party.SYSTEM, ended.endedBy());
                assertEquals("no RTP port for the rep's leg", ended.reason());
                await().atMost(LIMIT).until(() -> first.events.contains("ended: BYE received"));
            }
            // misses.unreachable is 1 in this configuration: an OfferFailed UNREACHABLE would have made her not ready
            assertEquals(List.of(), journaled(OfferFailed.class));
            assertEquals(List.of(), journaled(RepMarkedNotReady.class));
            assertTrue(server.metrics().find(CallMeters.RTP_PORT_SHORTAGES).functionCounter()
                    .count() >= 1);

            TestPhone.Call next = second.call(SALES_NUMBER, sip.udpAddress());
            assertEquals(200, next.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
            await().atMost(LIMIT).until(() -> journaled(CallAnswered.class).size() == 1);
            assertEquals(AVA, journaled(CallAnswered.class).get(0).repId());
            second.hangUp(next.dialog);
        }
    }

    @Test
    void shouldKeepACallToBaresipWhichAnswersTheKeepalive() throws Exception {
        assumeTrue(onPath("baresip"), "baresip is not installed (Debian package baresip)");
        Path config = dir.resolve("baresip");
        Files.createDirectories(config);
        Files.writeString(config.resolve("config"), String.join("\n", "poll_method epoll",
                "sip_listen 127.0.0.2:" + FreePorts.udpAndTcp(), "module_path /usr/lib/baresip/modules",
                "module_app account.so", "module g711.so", "audio_player nil", "audio_source nil", "audio_alert nil",
                ""));
        Files.writeString(config.resolve("accounts"), "<sip:" + AVA + "@127.0.0.1:" + sip.udpAddress().getPort()
                + ";transport=udp>;auth_pass=" + E2eServer.password(AVA) + ";regint=60;answermode=auto\n");
        Process baresip = new ProcessBuilder("baresip", "-f", config.toString(), "-t", "60").redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        try (TestPhone caller = TestPhone.start("127.0.0.1")) {
            await().atMost(LIMIT).until(() -> !sip.registrar().bindingsOf(AVA).isEmpty());
            long now = server.clock().millis();
            server.events().publish(new RepLoggedIn(now, AVA));
            server.events().publish(new RepReady(now, AVA));
            TestPhone.Call call = caller.call(SALES_NUMBER, sip.udpAddress());
            assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
            await().atMost(LIMIT).until(() -> journaled(CallAnswered.class).size() == 1);

            // several 1 s keepalives reach baresip (and the caller); baresip answers them 200 and the call goes on
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                    .until(() -> journaled(CallEnded.class).isEmpty());
            caller.hangUp(call.dialog);
            CallEnded ended = await().atMost(LIMIT).until(() -> journaled(CallEnded.class).stream().findFirst()
                    .orElse(null), e -> e != null);
            assertEquals(Party.CUSTOMER, ended.endedBy());
        } finally {
            baresip.destroyForcibly();
            baresip.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldEndTheCallAndByeTheCallerWhenTheRepPhoneVanishesAfterAnswering() throws Exception {
        try (TestPhone caller = TestPhone.start("127.0.0.1")) {
            TestPhone ava = readyRep("127.0.0.2", AVA);
            TestPhone.Call call = caller.call(SALES_NUMBER, sip.udpAddress());
            assertEquals(200, call.finalResponse.get(10, TimeUnit.SECONDS).statusCode());
            await().atMost(LIMIT).until(() -> journaled(CallAnswered.class).size() == 1);

            ava.close(); // the rep's answerer gives up on the call without a word

            CallEnded ended = await().atMost(LIMIT).until(() -> journaled(CallEnded.class).stream().findFirst()
                    .orElse(null), e -> e != null);
            assertEquals(Party.SYSTEM, ended.endedBy());
            assertEquals("rep leg lost: no answer to OPTIONS", ended.reason());
            await().atMost(LIMIT).until(() -> caller.events.contains("ended: BYE received"));
            await().atMost(LIMIT).until(() -> journaled(WrapUpStarted.class).stream()
                    .anyMatch(w -> w.callId() == ended.callId() && w.repId().equals(AVA)));
        }
    }
}

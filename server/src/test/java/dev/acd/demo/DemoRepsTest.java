package dev.acd.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.config.AcdConfig;
import dev.acd.config.ConfigLoader;
import dev.acd.config.DailyProfile;
import dev.acd.config.Distribution;
import dev.acd.config.SimulationSettings;
import dev.acd.core.event.RepReachable;
import dev.acd.core.event.RepUnreachable;
import dev.acd.sip.dialog.Dialog;
import dev.acd.sip.dialog.NextHop;
import dev.acd.sip.dialog.SipFactories;
import dev.acd.sip.message.SipMessage;
import dev.acd.sip.registrar.Binding;
import dev.acd.sip.sdp.MediaDirection;
import dev.acd.sip.transport.SipTransport;
import dev.acd.sip.ua.ClientInvite;
import dev.acd.sip.ua.InviteListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.address.Address;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoRepsTest {
    private static final AcdConfig CONFIG = load();
    private static final List<RepAccount> ACCOUNTS = List.of(new RepAccount("ava.chen", "demo-ava.chen", "ava.chen"),
            new RepAccount("ben.okafor", "demo-ben.okafor", "ben.okafor"));

    private final TestRegistrar server = new TestRegistrar(CONFIG);
    private final RecordingDesk desk = new RecordingDesk();
    private DemoReps reps;
    private DemoNetwork caller;
    private CallMedia callerMedia;

    private static AcdConfig load() {
        try {
            return ConfigLoader.loadDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers after 50 ms, never holds, talks far longer than a test; wrap-up takes 50 ms. */
    static SimulationSettings traffic(double rejectProbability) {
        return new SimulationSettings(7, Map.of(), DailyProfile.FLAT, Distribution.fixed(1_000), Distribution.fixed(0.05),
                0, 0, Distribution.fixed(0.05), 0, rejectProbability, 0, 0, 0, Map.of(), Map.of(), LocalTime.of(8, 0),
                LocalTime.of(19, 0));
    }

    static int rtpBase() {
        return 30_000 + 2 * ThreadLocalRandom.current().nextInt(10_000);
    }

    private DemoReps start(double rejectProbability) {
        int rtp = rtpBase();
        reps = DemoReps.start(new DemoReps.Settings(server.address(), CONFIG.credentials().realm(),
                traffic(rejectProbability), new Pace(1), 11, rtp, rtp + 99), ACCOUNTS, desk);
        return reps;
    }

    @AfterEach
    void closeEverything() {
        if (callerMedia != null) {
            callerMedia.close();
        }
        if (caller != null) {
            caller.close();
        }
        if (reps != null) {
            reps.close();
        }
        server.close();
    }

    private static final class Progress implements InviteListener {
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        final CompletableFuture<SipMessage> answered = new CompletableFuture<>();
        final CompletableFuture<Dialog> dialog = new CompletableFuture<>();
        final CompletableFuture<String> ended = new CompletableFuture<>();

        @Override
        public void onProvisional(ClientInvite invite, SipMessage response, Dialog early) {
            statuses.add(response.statusCode());
        }

        @Override
        public void onAnswered(ClientInvite invite, SipMessage response, Dialog d) {
            statuses.add(response.statusCode());
            dialog.complete(d);
            answered.complete(response);
        }

        @Override
        public void onFailed(ClientInvite invite, SipMessage response) {
            statuses.add(response == null ? 408 : response.statusCode());
        }

        @Override
        public void onTerminated(Dialog d, String reason) {
            ended.complete(reason);
        }
    }

    /** Calls the rep's registered contact from a test UAC with media of its own. */
    private Progress callBinding(Binding binding) throws Exception {
        int rtp = rtpBase();
        caller = DemoNetwork.start("test-caller", rtp, rtp + 9);
        callerMedia = caller.openMedia(new SplittableRandom(3), 220, false).get();
        Address to = SipFactories.addresses().createAddress(binding.contact().toString());
        Address from = SipFactories.addresses().createAddress("sip:+12125550100@127.0.0.1");
        SipMessage invite = caller.stack().newRequest("INVITE", to.getURI(), from, to, SipTransport.UDP);
        invite.raw().setContent(callerMedia.offer(MediaDirection.SENDRECV),
                SipFactories.headers().createContentTypeHeader("application", "sdp"));
        Progress progress = new Progress();
        caller.stack().invite(invite, new NextHop(SipTransport.UDP, binding.source()), progress);
        return progress;
    }

    @Test
    void shouldRegisterEveryRepWithDigestAndLogThemIn() {
        start(0);

        await().atMost(Duration.ofSeconds(10)).until(() -> desk.actions.size() == 2);
        assertTrue(desk.actions.containsAll(List.of("loggedIn ava.chen", "loggedIn ben.okafor")), desk.actions.toString());
        List<Binding> ava = server.registrar.bindingsOf("ava.chen");
        assertEquals(1, ava.size());
        assertEquals("sip:ava.chen@127.0.0.1:" + reps.sipAddress().getPort(), ava.get(0).contact().toString());
        assertEquals(2, server.events.stream().filter(e -> e instanceof RepReachable).count());
        assertEquals(2, reps.stats().registered());
    }

    @Test
    void shouldUnregisterAndLogOutWhenClosed() {
        start(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> reps.stats().registered() == 2);

        reps.close();
        reps = null;

        assertTrue(server.registrar.bindingsOf("ava.chen").isEmpty());
        assertEquals(2, server.events.stream().filter(e -> e instanceof RepUnreachable).count());
        assertTrue(desk.actions.contains("loggedOut ben.okafor"), desk.actions.toString());
    }

    @Test
    void shouldRingAnswerAndTalkBothWaysThenWrapUpAfterTheCallersBye() throws Exception {
        start(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.registrar.bindingsOf("ava.chen").isEmpty());

        Progress progress = callBinding(server.registrar.bindingsOf("ava.chen").get(0));
        SipMessage ok = progress.answered.get(10, java.util.concurrent.TimeUnit.SECONDS);
        callerMedia.acceptAnswer(new String(ok.raw().getRawContent(), StandardCharsets.UTF_8));
        callerMedia.talk();

        assertEquals(List.of(180, 200), progress.statuses.stream().filter(s -> s > 100).toList());
        // the rep greets first; the caller answers once the rep pauses: voice goes both ways over RTP
        await().atMost(Duration.ofSeconds(20)).until(() -> callerMedia.voiceFramesHeard() > 10
                && reps.stats().voiceFramesHeard() > 10);
        caller.stack().core().bye(progress.dialog.get());

        await().atMost(Duration.ofSeconds(10)).until(() -> desk.actions.contains("wrapUpDone ava.chen"));
        DemoReps.Stats stats = reps.stats();
        assertEquals(1, stats.offered());
        assertEquals(1, stats.answered());
        assertEquals(1, stats.ended());
    }

    @Test
    void shouldDeclineWith603WhenTheRepRejects() throws Exception {
        start(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.registrar.bindingsOf("ben.okafor").isEmpty());

        Progress progress = callBinding(server.registrar.bindingsOf("ben.okafor").get(0));

        await().atMost(Duration.ofSeconds(10)).until(() -> progress.statuses.contains(603));
        assertEquals(1, reps.stats().declined());
        assertEquals(0, reps.stats().answered());
    }
}

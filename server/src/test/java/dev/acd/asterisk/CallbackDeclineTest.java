package dev.acd.asterisk;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallbackOffered;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.Party;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.time.Clock;

/**
 * A caller offered a callback who declines it (the dialplan's Read gets no 1 and loops to route) must not wait
 * forever: after a callback tier the call waits on in its queue, after the queue's max wait it is let go.
 */
class CallbackDeclineTest {
    private static final String ASTERISK = String.join("\n",
            "asterisk:",
            "  fastagi: { enabled: true, bind: 127.0.0.1, port: {agiPort} }",
            "");

    @TempDir
    Path dir;
    private RouterFixture center;
    private FakeAsteriskChannel channel;

    private void start(String salesQueue) throws Exception {
        String config = RouterFixture.CENTER.replaceFirst("queues: \\[.*\\]\n", "queues: [ " + salesQueue + " ]\n");
        center = new RouterFixture(dir, config, ASTERISK, new AsteriskRuntime.Tuning(50, "default", 100, 1_000, 100,
                60_000));
        channel = new FakeAsteriskChannel(center.agiPort, "1700000000.1", "+1 415 555 0101");
        await().atMost(5, SECONDS).ignoreExceptions()
                .until(() -> { new java.net.Socket("127.0.0.1", center.agiPort).close(); return true; });
    }

    @AfterEach
    void stop() throws Exception {
        channel.close();
        center.close();
    }

    @Test
    void shouldWaitOnInTheQueueWhenTheCallerDeclinesACallbackTiersOffer() throws Exception {
        start("{ id: sales, ringTimeoutSeconds: 15, tiers: [ { name: anyone, scope: SKILLED },"
                + " { name: offer-callback, afterSeconds: 30, scope: SKILLED, offerCallback: true } ] }");
        callbackOffered(30);

        Future<?> again = channel.agi("route?line=sales", "s");
        await().atMost(5, SECONDS).until(() -> channel.commands.stream()
                .filter(c -> c.equals("SET MUSIC ON \"default\"")).count() == 2);
        await().during(Duration.ofMillis(200)).atMost(2, SECONDS).until(() -> !again.isDone());

        long now = Clock.SYSTEM.millis() + 31_000;
        center.router.publish(new RepLoggedIn(now, "anna"));
        center.router.publish(new RepReady(now, "anna"));
        again.get(5, SECONDS);
        assertEquals("OFFER", channel.variable("ACD_STATUS"));
        assertEquals("anna", channel.variable("ACD_REP_ID"));
        assertEquals(1, center.journaled(CallArrived.class).size(), "the same call, still in its queue");
        assertTrue(center.journaled(CallEnded.class).isEmpty());
    }

    @Test
    void shouldLetTheCallerGoWhenTheyDeclineTheCallbackOfferedAtMaxWait() throws Exception {
        start("{ id: sales, ringTimeoutSeconds: 15, maxWaitSeconds: 60, maxWaitAction: CALLBACK,"
                + " tiers: [ { name: anyone, scope: SKILLED } ] }");
        callbackOffered(61);
        assertEquals(1, center.journaled(MaxWaitReached.class).size());

        channel.agi("route?line=sales", "s").get(5, SECONDS);
        assertEquals("HANGUP", channel.variable("ACD_STATUS"));
        long callId = Long.parseLong(channel.variable("ACD_CALL_ID"));
        await().atMost(5, SECONDS).until(() -> !center.journaled(CallEnded.class).isEmpty());
        CallEnded ended = center.journaled(CallEnded.class).get(0);
        assertEquals(List.of(callId, Party.SYSTEM), List.of(ended.callId(), ended.endedBy()));
        assertEquals(0, center.asterisk.calls().size(), "the call is over for the adapter too");
    }

    /** The call waits, the router's clock moves {@code seconds} on, and route answers CALLBACK. */
    private void callbackOffered(int seconds) throws Exception {
        Future<?> waiting = channel.agi("route?line=sales", "s");
        await().atMost(5, SECONDS).until(() -> channel.commands.contains("SET MUSIC ON \"default\""));
        center.router.publish(new Tick(Clock.SYSTEM.millis() + seconds * 1000L));
        waiting.get(5, SECONDS);
        assertEquals("CALLBACK", channel.variable("ACD_STATUS"));
        assertEquals(1, center.journaled(CallbackOffered.class).size() + center.journaled(MaxWaitReached.class).size());
    }
}

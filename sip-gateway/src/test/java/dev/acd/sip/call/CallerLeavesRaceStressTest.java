package dev.acd.sip.call;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many callers hanging up just as their rep answers, on a gateway whose SIP runs on several event loops as the
 * server's does: some leave while queued, some while the rep's phone rings (its 200 may cross our CANCEL), some just
 * after the answer. Whatever the order, each call ends exactly once and neither side keeps a dialog.
 */
class CallerLeavesRaceStressTest {
    private static final int CALLS = 40;
    private static final int IO_THREADS = 4;
    private static final long CALLER_TALK_MS = 1_000;

    @Test
    void shouldEndEveryCallExactlyOnceAndKeepNoDialogWhenCallersHangUpAsTheRepAnswers() throws Exception {
        Phone trunk = Phone.start(Gateway.TRUNK_HOST);
        Phone ava = Phone.start("127.0.0.1");
        Gateway gateway = new Gateway(trunk.sipAddress(), CallSounds.builtIn(), 60_000, Gateway.Tuning.defaults(),
                IO_THREADS);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ava.register(gateway.address(), "ava.chen");
            ava.answerDelayMs = 40;
            // the router offers each call 850-1000 ms after it was queued, so the answer lands around the hang-up
            gateway.onPublish = event -> {
                if (event instanceof CallClassified c) {
                    timer.schedule(() -> gateway.control.onCommand(new OfferCall(c.callId(), "rep-ava",
                            Gateway.softphone("ava.chen"), 30)), ThreadLocalRandom.current().nextInt(850, 1000),
                            TimeUnit.MILLISECONDS);
                }
            };
            List<Phone.Call> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                Phone.Call call = trunk.call(Gateway.LINE_NUMBER, gateway.address());
                calls.add(call);
                call.finalResponse.thenAccept(ok -> timer.schedule(() -> trunk.hangUp(call.dialog), CALLER_TALK_MS,
                        TimeUnit.MILLISECONDS));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> calls.stream().allMatch(c -> c.dialog != null));
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.control.liveCalls() == 0);

            Map<Long, List<String>> lives = new TreeMap<>();
            for (Event e : gateway.events) {
                if (e instanceof CallEvent c) {
                    lives.computeIfAbsent(c.callId(), id -> new ArrayList<>()).add(e.getClass().getSimpleName());
                }
            }
            assertEquals(CALLS, lives.size());
            for (Map.Entry<Long, List<String>> life : lives.entrySet()) {
                long endings = life.getValue().stream()
                        .filter(name -> name.equals("CallAbandoned") || name.equals("CallEnded")).count();
                assertEquals(1, endings, "call " + life.getKey() + " ends once: " + life.getValue());
                assertTrue(!life.getValue().contains("CallAnswered") || life.getValue().contains("CallEnded"),
                        "an answered call ends as ended, not abandoned: " + life.getValue());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.stack.core().dialogCount() == 0
                    && ava.stack.core().dialogCount() == 0);
        } finally {
            timer.shutdownNow();
            gateway.close();
            trunk.close();
            ava.close();
        }
    }
}

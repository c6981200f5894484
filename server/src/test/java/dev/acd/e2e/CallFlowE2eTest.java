package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.BEN;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.testkit.Sipp;

/**
 * Calls end to end against the real server: SIPp is the trunk dialling the sales line (or answering reps' outbound
 * calls), reps are softphones on our own stack on 127.0.0.2 and 127.0.0.3 that register with digest and are made
 * ready as a rep's desktop would. Each test checks the journal's events in order and the statistics computed from
 * the journal.
 */
class CallFlowE2eTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private E2eServer acd;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void needsSipp() {
        assumeTrue(Sipp.installed(), "sipp is not installed (Debian package sip-tester)");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (acd != null) {
            acd.close();
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        open.add(c);
        return c;
    }

    private void start(E2eServer.Options options) throws Exception {
        acd = E2eServer.start(dir, options);
    }

    private Sipp trunk(String scenario) {
        return closing(Sipp.scenario(scenario).remote(acd.sipAddress()).service(SALES_NUMBER)
                .timeout(LIMIT).start(dir));
    }

    private void awaitJournaled(Predicate<Event> what) {
        try {
            await().atMost(LIMIT).until(() -> acd.journal().stream().anyMatch(what));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not journaled in time; the journal:\n" + String.join("\n",
                    acd.journal().stream().map(Object::toString).toList()) + "\nphones: "
                    + open.stream().filter(TestPhone.class::isInstance).map(p -> ((TestPhone) p).events).toList(), e);
        }
    }

    /** The simple names of the journal's events of the given types, in order. */
    private List<String> life(Class<?>... types) {
        return acd.journal().stream().filter(e -> List.of(types).stream().anyMatch(t -> t.isInstance(e)))
                .map(CallFlowE2eTest::describe).toList();
    }

    private static String describe(Event e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof CallOffered o) {
            return name + " " + o.repId();
        }
        if (e instanceof CallAnswered a) {
            return name + " " + a.repId();
        }
        if (e instanceof CallEnded c) {
            return name + " " + c.endedBy() + " " + c.reason();
        }
        if (e instanceof OfferFailed f) {
            return name + " " + f.repId() + " " + f.failure();
        }
        if (e instanceof WrapUpStarted w) {
            return name + " " + w.repId();
        }
        if (e instanceof CallTransferred t) {
            return name + " " + t.targetKind() + " " + t.target();
        }
        return name;
    }

    private static void assertAbout(double expected, double tolerance, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance, what + ": expected " + expected + " +- " + tolerance
                + " but was " + actual);
    }

    private ReportRow totals() {
        return E2eServer.totals(acd.journal(), Grouping.QUEUE);
    }

    @Test
    void shouldConnectATrunkCallToTheReadyRepAndEndItWhenTheCallerHangsUp() throws Exception {
        start(E2eServer.Options.defaults());
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        Sipp.Result result = trunk("uac-call-talk").await(LIMIT);
        assertTrue(result.allSucceeded(), result.toString());
        awaitJournaled(e -> e instanceof WrapUpEnded);
        awaitJournaled(e -> e instanceof RecordingReady);

        assertEquals(List.of("CallArrived", "CallClassified", "CallQueued", "CallOffered ava.chen",
                "CallAnswered ava.chen", "CallEnded CUSTOMER BYE", "WrapUpStarted ava.chen", "WrapUpEnded"),
                life(CallArrived.class, CallClassified.class, CallQueued.class, CallOffered.class,
                        CallAnswered.class, CallEnded.class, WrapUpStarted.class, WrapUpEnded.class));
        assertTrue(ava.events.contains("ended: BYE received"), ava.events.toString());
        ReportRow stats = totals();
        assertEquals(1, stats.value(Metric.OFFERED));
        assertEquals(1, stats.value(Metric.ANSWERED));
        assertEquals(0, stats.value(Metric.ABANDONED));
        assertAbout(1.5, 0.7, stats.value(Metric.TALK_TIME), "talk time");
        assertEquals(0, stats.value(Metric.HOLD_TIME));
        assertAbout(1.0, 0.5, stats.value(Metric.WRAP_TIME), "wrap time");
    }
}

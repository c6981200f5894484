package dev.acd.e2e;

import static dev.acd.e2e.E2eServer.AVA;
import static dev.acd.e2e.E2eServer.SALES_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.testkit.Sipp;

/**
 * The whole server when a SIPp caller hangs up while the rep's phone still rings (as in the perf mixed day, where
 * callers talk 1 s and loaded reps answer late): the call is abandoned once, the ringing is cancelled, and the rep is
 * free at once for the next call rather than left on a call that is gone.
 */
class CallerLeavesDuringOfferE2eTest extends SippE2eTest {

    private Sipp.Result call() {
        return closing(Sipp.scenario("uac-call-talk").remote(acd.sipAddress()).service(SALES_NUMBER).timeout(LIMIT)
                .start(dir)).await(LIMIT);
    }

    @Test
    void shouldAbandonTheCallOnceAndFreeTheRepWhenTheCallerHangsUpBeforeTheRepAnswers() throws Exception {
        acd = E2eServer.start(dir, new E2eServer.Options(0, 0, null, 10, 1));
        TestPhone ava = closing(acd.rep("127.0.0.2", AVA));
        ava.answerDelayMs = 4_000; // the caller talks 1.5 s to our music, then hangs up while ava rings

        Sipp.Result first = call();
        assertTrue(first.allSucceeded(), first.toString());
        acd.awaitJournaled(e -> e instanceof CallAbandoned, LIMIT, ava);
        assertTrue(ava.events.contains("cancelled"), "the ringing is cancelled: " + ava.events);

        ava.answerDelayMs = 20;
        Sipp.Result second = call();
        assertTrue(second.allSucceeded(), second.toString());
        acd.awaitJournaled(e -> e instanceof CallEnded, LIMIT, ava);

        assertEquals(List.of("CallQueued sales", "CallOffered ava.chen", "CallAbandoned",
                "CallQueued sales", "CallOffered ava.chen", "CallAnswered ava.chen", "CallEnded CUSTOMER BYE"),
                acd.life(CallQueued.class, CallOffered.class, OfferFailed.class, RepMarkedNotReady.class,
                        CallAnswered.class, CallAbandoned.class, CallEnded.class));
        assertEquals(1, ava.events.stream().filter(e -> e.equals("answered")).count(), ava.events.toString());
    }
}

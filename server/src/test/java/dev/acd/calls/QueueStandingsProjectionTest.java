package dev.acd.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.sip.prompt.QueueStanding;

class QueueStandingsProjectionTest {
    private static final long S = 1000;
    private final QueueStandingsProjection standings = new QueueStandingsProjection();

    @Test
    void shouldNumberWaitingCallsInTheOrderTheyEnteredTheirQueue() {
        standings.apply(new CallQueued(0, 1, "sales", 10));
        standings.apply(new CallQueued(1 * S, 2, "renewals", 10));
        standings.apply(new CallQueued(2 * S, 3, "sales", 90));
        standings.apply(new CallQueued(3 * S, 4, "sales", 10));

        assertEquals(1, standings.standingAt(1, 4 * S).position());
        assertEquals(1, standings.standingAt(2, 4 * S).position(), "another queue counts apart");
        assertEquals(2, standings.standingAt(3, 4 * S).position());
        assertEquals(3, standings.standingAt(4, 4 * S).position());

        standings.apply(new CallAbandoned(5 * S, 1));
        assertEquals(1, standings.standingAt(3, 6 * S).position(), "callers ahead who leave move the rest up");
        assertEquals(2, standings.standingAt(4, 6 * S).position());
        assertNull(standings.standingAt(1, 6 * S), "a call that left stands nowhere");
    }

    @Test
    void shouldKeepItsPlaceWhenAnOfferToARepFails() {
        standings.apply(new CallQueued(0, 1, "sales", 10));
        standings.apply(new CallQueued(1 * S, 2, "sales", 10));
        standings.apply(new OfferFailed(17 * S, 1, "rep-ava", OfferFailure.NO_ANSWER));
        standings.apply(new CallQueued(17 * S, 1, "sales", 10));

        assertEquals(1, standings.standingAt(1, 18 * S).position());
        assertEquals(2, standings.standingAt(2, 18 * S).position());
    }

    @Test
    void shouldHaveNoEstimateUntilThreeAnswersAreRecent() {
        standings.apply(new CallQueued(0, 1, "sales", 10));
        standings.apply(new CallQueued(0, 2, "sales", 10));
        standings.apply(new CallQueued(0, 3, "sales", 10));
        standings.apply(new CallAnswered(30 * S, 1, "rep-ava"));
        standings.apply(new CallAnswered(60 * S, 2, "rep-ben"));

        assertFalse(standings.standingAt(3, 61 * S).hasEstimate(), "two answers are not enough to tell");
    }

    @Test
    void shouldExpectPositionTimesTheRecentAnswerInterval() {
        // five callers wait from 0; answers come every 40 s while callers wait
        for (long id = 1; id <= 5; id++) {
            standings.apply(new CallQueued(0, id, "sales", 10));
        }
        standings.apply(new CallAnswered(40 * S, 1, "rep-ava"));
        standings.apply(new CallAnswered(80 * S, 2, "rep-ben"));
        standings.apply(new CallAnswered(120 * S, 3, "rep-ava"));

        QueueStanding fifth = standings.standingAt(5, 125 * S);
        assertEquals(2, fifth.position());
        assertEquals(80, fifth.expectedWaitSeconds(), "2 x 40 s");
    }

    @Test
    void shouldNotCountTimeTheQueueStoodEmptyAsWaitingForAnAnswer() {
        // three quick answers, each 10 s after its caller came, minutes apart: an idle queue answers fast
        for (long id = 1; id <= 3; id++) {
            long at = id * 300 * S;
            standings.apply(new CallQueued(at, id, "sales", 10));
            standings.apply(new CallAnswered(at + 10 * S, id, "rep-ava"));
        }
        standings.apply(new CallQueued(1500 * S, 4, "sales", 10));
        assertEquals(new QueueStanding(1, 10), standings.standingAt(4, 1502 * S));
    }

    @Test
    void shouldStretchTheEstimateWhenNobodyHasAnsweredForLongerThanUsual() {
        for (long id = 1; id <= 4; id++) {
            standings.apply(new CallQueued(0, id, "sales", 10));
        }
        standings.apply(new CallAnswered(10 * S, 1, "rep-ava"));
        standings.apply(new CallAnswered(20 * S, 2, "rep-ava"));
        standings.apply(new CallAnswered(30 * S, 3, "rep-ava"));
        // then the reps stop answering: five minutes without an answer while a caller waits
        assertEquals(300, standings.standingAt(4, 330 * S).expectedWaitSeconds());
    }

    @Test
    void shouldForgetAnswersOlderThanHalfAnHour() {
        for (long id = 1; id <= 4; id++) {
            standings.apply(new CallQueued(0, id, "sales", 10));
        }
        standings.apply(new CallAnswered(10 * S, 1, "rep-ava"));
        standings.apply(new CallAnswered(20 * S, 2, "rep-ava"));
        standings.apply(new CallAnswered(30 * S, 3, "rep-ava"));
        assertFalse(standings.standingAt(4, 31 * S + 31 * 60 * S).hasEstimate());
    }

    @Test
    void shouldExpectANewCallerToWaitBehindEveryoneWaitingAtTheQueuesPace() {
        assertEquals(QueueStanding.NO_ESTIMATE, standings.expectedWaitSecondsAt("sales", 0), "never had a call");
        for (long id = 1; id <= 5; id++) {
            standings.apply(new CallQueued(0, id, "sales", 10));
        }
        standings.apply(new CallAnswered(40 * S, 1, "rep-ava"));
        standings.apply(new CallAnswered(80 * S, 2, "rep-ben"));
        assertEquals(QueueStanding.NO_ESTIMATE, standings.expectedWaitSecondsAt("sales", 81 * S));
        standings.apply(new CallAnswered(120 * S, 3, "rep-ava"));

        assertEquals(120, standings.expectedWaitSecondsAt("sales", 125 * S), "two waiting, so third place: 3 x 40 s");
        assertEquals(QueueStanding.NO_ESTIMATE, standings.expectedWaitSecondsAt("renewals", 125 * S));

        standings.apply(new CallAnswered(160 * S, 4, "rep-ben"));
        standings.apply(new CallAnswered(200 * S, 5, "rep-ava"));
        assertEquals(40, standings.expectedWaitSecondsAt("sales", 20 * 60 * S),
                "an empty queue: the next caller is first, and idle minutes do not count as waiting");
    }
}

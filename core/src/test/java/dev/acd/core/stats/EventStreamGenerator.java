package dev.acd.core.stats;

import static dev.acd.core.stats.Fixtures.classified;
import static dev.acd.core.stats.Fixtures.offered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackOffered;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.DispositionRecorded;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.OfferFailure;
import dev.acd.core.event.Party;
import dev.acd.core.event.QaScored;
import dev.acd.core.event.RecordingReady;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepMarkedNotReady;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.event.TierWidened;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.event.WrapUpEnded;
import dev.acd.core.event.WrapUpStarted;
import dev.acd.core.model.Direction;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;

/**
 * A seeded, realistic journal: reps working shifts with breaks, inbound calls that are answered (after failed
 * offers, with holds, transfers to queues and out), abandoned (some short, some while ringing), turned into
 * callbacks, hung up or overflowed at max wait, outbound calls, dispositions, recordings and late QA scores. Each
 * call's events are in its own order; the stream is merged by time.
 */
final class EventStreamGenerator {
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    private final Random random;
    private final long start;
    private final List<Rep> reps = new ArrayList<>();
    private final List<Queue> queues = new ArrayList<>();
    private final List<Stamped> out = new ArrayList<>();
    private final String[] segments = {"smb", "mid-market", "enterprise", "partner"};
    private final String[] outcomes = {"won", "quote-sent", "no-interest", "follow up"};
    private long seq;
    private long nextCallId = 1;

    private record Stamped(Event event, long seq) {
    }

    EventStreamGenerator(long seed, long start) {
        this.random = new Random(seed);
        this.start = start;
        RepKind[] kinds = RepKind.values();
        for (int i = 0; i < 14; i++) {
            reps.add(Fixtures.rep("rep-" + i, kinds[i % 5 == 4 ? 2 : i % 4 == 3 ? 1 : 0]));
        }
        queues.add(Fixtures.queue("sales", 20, 5));
        queues.add(Fixtures.queue("support", 30, 5));
        queues.add(Fixtures.queue("partners", 60, 10));
    }

    /** The journal of {@code days} days with about {@code callsPerDay} calls each, sorted by time. */
    List<Event> generate(int days, int callsPerDay) {
        emit(Fixtures.config(start, reps, queues));
        for (int d = 0; d < days; d++) {
            long dayStart = start + d * DAY;
            for (Rep rep : reps) {
                shift(rep.id(), dayStart);
            }
            for (int i = 0; i < callsPerDay; i++) {
                long arrival = dayStart + 8 * HOUR + 30 * 60_000L + (long) (random.nextDouble() * 8.5 * HOUR);
                if (random.nextDouble() < 0.15) {
                    outbound(arrival);
                } else {
                    inbound(arrival);
                }
            }
            for (long t = dayStart + 7 * HOUR; t < dayStart + 20 * HOUR; t += 5 * 60_000L) {
                emit(new Tick(t));
            }
        }
        out.sort(Comparator.comparingLong((Stamped s) -> s.event().at()).thenComparingLong(Stamped::seq));
        return out.stream().map(Stamped::event).toList();
    }

    private void emit(Event event) {
        out.add(new Stamped(event, seq++));
    }

    private long seconds(int min, int max) {
        return 1000L * min + (long) (random.nextDouble() * 1000L * (max - min));
    }

    private String anyRep() {
        return reps.get(random.nextInt(reps.size())).id();
    }

    private void shift(String rep, long dayStart) {
        if (random.nextDouble() < 0.1) {
            return; // a day off
        }
        long t = dayStart + 8 * HOUR + seconds(0, 3600);
        long end = dayStart + 17 * HOUR + seconds(0, 3600);
        emit(new RepLoggedIn(t, rep));
        t += seconds(5, 300);
        emit(new RepReady(t, rep));
        int breaks = random.nextInt(4);
        for (int b = 0; b < breaks; b++) {
            t += seconds(1800, 7200);
            if (t > end - HOUR) {
                break;
            }
            if (random.nextDouble() < 0.2) {
                emit(new RepMarkedNotReady(t, rep, "NO_ANSWER"));
            } else {
                emit(new RepNotReady(t, rep, random.nextBoolean() ? "break" : "meeting"));
            }
            t += seconds(120, 1800);
            emit(new RepReady(t, rep));
        }
        emit(new RepLoggedOut(end, rep));
    }

    private void inbound(long t0) {
        long id = nextCallId++;
        Queue queue = queues.get(random.nextInt(queues.size()));
        emit(new CallArrived(t0, id, Direction.INBOUND, "line-" + queue.id(), "+1555" + id, "+18005550100", null));
        emit(classified(t0, id, segments[random.nextInt(segments.length)], queue.id()));
        emit(new CallQueued(t0, id, queue.id(), 1));
        long wait = seconds(0, 150);
        double fate = random.nextDouble();
        if (wait > 15_000 && random.nextBoolean()) {
            emit(new TierWidened(t0 + 15_000, id, queue.id(), 2));
        }
        if (fate < 0.12) {
            long abandonAfter = random.nextDouble() < 0.3 ? seconds(0, 12) : wait;
            if (abandonAfter > 5_000 && random.nextDouble() < 0.3) {
                emit(offered(t0 + abandonAfter - 3_000, id, anyRep(), queue.id())); // hangs up while ringing
            }
            emit(new CallAbandoned(t0 + abandonAfter, id));
            return;
        }
        if (fate < 0.17) {
            emit(new CallbackOffered(t0 + wait - 1, id, queue.id()));
            emit(new CallbackRequested(t0 + wait, id, "+1555" + id));
            emit(new CallEnded(t0 + wait + 500, id, Party.SYSTEM, "callback"));
            return;
        }
        if (fate < 0.20) {
            emit(new MaxWaitReached(t0 + wait, id, queue.id(), MaxWaitAction.HANG_UP));
            emit(new CallEnded(t0 + wait + 2_000, id, Party.SYSTEM, "max wait"));
            return;
        }
        if (fate < 0.21) {
            emit(new MaxWaitReached(t0 + wait, id, queue.id(), MaxWaitAction.CALLBACK)); // nothing follows
            return;
        }
        if (fate < 0.25) {
            long overflowAt = t0 + wait / 2;
            Queue overflow = queues.get((queues.indexOf(queue) + 1) % queues.size());
            emit(new MaxWaitReached(overflowAt, id, queue.id(), MaxWaitAction.OVERFLOW));
            emit(new CallQueued(overflowAt, id, overflow.id(), 1));
            queue = overflow;
        }
        long t = t0 + Math.max(0, wait - 20_000);
        int failures = random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : 0;
        for (int f = 0; f < failures; f++) {
            String missed = anyRep();
            emit(offered(t, id, missed, queue.id()));
            t += seconds(1, 8);
            emit(new OfferFailed(t, id, missed, OfferFailure.values()[random.nextInt(OfferFailure.values().length)]));
            emit(new CallQueued(t, id, queue.id(), 1));
        }
        long answeredAt = Math.max(t + 1_000, t0 + wait);
        String rep = anyRep();
        emit(offered(answeredAt - 1_000, id, rep, queue.id()));
        talk(id, rep, answeredAt, true);
    }

    /** A rep's conversation from answer on, possibly transferred, through wrap-up, disposition and QA. */
    private void talk(long id, String rep, long answeredAt, boolean mayTransfer) {
        emit(new CallAnswered(answeredAt, id, rep));
        long t = answeredAt + seconds(10, 120);
        int holds = random.nextInt(3);
        for (int h = 0; h < holds; h++) {
            emit(new CallHeld(t, id));
            t += seconds(5, 90);
            emit(new CallResumed(t, id));
            t += seconds(10, 120);
        }
        double next = random.nextDouble();
        if (mayTransfer && next < 0.10) {
            Queue target = queues.get(random.nextInt(queues.size()));
            emit(new CallTransferred(t, id, rep, TransferTarget.QUEUE, target.id()));
            emit(new WrapUpStarted(t, rep, id, t + 30_000));
            emit(new CallQueued(t, id, target.id(), 1));
            long otherAnswer = t + seconds(2, 60);
            String other = anyRep();
            emit(new WrapUpEnded(t + seconds(5, 30), rep, id));
            emit(offered(otherAnswer - 1_000, id, other, target.id()));
            talk(id, other, otherAnswer, false);
            return;
        }
        if (mayTransfer && next < 0.13) {
            emit(new CallTransferred(t, id, rep, TransferTarget.NUMBER, "+15559990000"));
            wrapUp(id, rep, t);
            return;
        }
        emit(new CallEnded(t, id, random.nextBoolean() ? Party.CUSTOMER : Party.REP, "BYE"));
        wrapUp(id, rep, t);
    }

    private void wrapUp(long id, String rep, long t) {
        emit(new WrapUpStarted(t, rep, id, t + 60_000));
        long wrap = seconds(0, 120);
        if (random.nextDouble() < 0.7) {
            emit(new DispositionRecorded(t + wrap / 2, id, rep, outcomes[random.nextInt(outcomes.length)],
                    random.nextDouble() < 0.3 ? 1_000L * random.nextInt(5_000) : 0, ""));
        }
        emit(new WrapUpEnded(t + wrap, rep, id));
        emit(new RecordingReady(t + 5_000, id, "/rec/" + id + ".wav", 1));
        if (random.nextDouble() < 0.3) {
            emit(new QaScored(t + seconds(600, 7200), id, rep, "standard", random.nextInt(101), random.nextBoolean()));
        }
    }

    private void outbound(long t0) {
        long id = nextCallId++;
        String rep = anyRep();
        emit(new CallArrived(t0, id, Direction.OUTBOUND, null, "+18005550100", "+1666" + id, rep));
        emit(classified(t0, id, segments[random.nextInt(segments.length)], null));
        if (random.nextDouble() < 0.8) {
            talk(id, rep, t0 + seconds(3, 30), false);
        } else {
            long end = t0 + seconds(20, 40);
            emit(new CallEnded(end, id, Party.SYSTEM, "no answer"));
            wrapUp(id, rep, end);
        }
    }
}

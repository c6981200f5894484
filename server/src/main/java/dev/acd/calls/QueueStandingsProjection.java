package dev.acd.calls;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.CallbackRequested;
import dev.acd.core.event.Event;
import dev.acd.core.event.MaxWaitReached;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.sip.prompt.QueueStanding;

/**
 * Where each waiting call stands in its queue and how long it may still wait, as a function of the journal's events
 * (no clock: the time of a question is passed in). What callers hear in the announcement.
 *
 * <p><b>Position</b>: 1 + the calls waiting in the same queue that entered it earlier, the order the live queues
 * view lists them in (longest wait first). A call back from an unanswered offer keeps its place.
 *
 * <p><b>Expected wait</b>: position x the queue's recent <i>answer interval</i>. Each answer from a queue gives one
 * interval: the time from the later of the previous answer and the moment the queue last became non-empty, to this
 * answer; that is, how long the queue went without an answer while it had callers. The recent interval is the mean of
 * the last {@value #SAMPLES} intervals of the past {@value #WINDOW_MINUTES} minutes, or the time the queue has gone
 * without an answer now if that is longer (reps gone to lunch show at once). With fewer than {@value #MIN_SAMPLES}
 * answers in the window there is no estimate, and callers hear no wait sentence.
 *
 * <p>Thread-safe: the journal follower applies events, call control's event loops ask; both hold the lock briefly.
 */
public final class QueueStandingsProjection {
    /** Answer intervals averaged per queue. */
    static final int SAMPLES = 10;
    /** Intervals older than this are forgotten. */
    static final int WINDOW_MINUTES = 30;
    /** Fewer intervals than this give no estimate. */
    static final int MIN_SAMPLES = 3;
    private static final long WINDOW_MS = WINDOW_MINUTES * 60_000L;
    private static final Comparator<Waiting> QUEUE_ORDER =
            Comparator.comparingLong((Waiting w) -> w.queuedAt).thenComparingLong(w -> w.order);

    private static final class Waiting {
        final long callId;
        final String queueId;
        final long queuedAt;
        final long order;

        Waiting(long callId, String queueId, long queuedAt, long order) {
            this.callId = callId;
            this.queueId = queueId;
            this.queuedAt = queuedAt;
            this.order = order;
        }
    }

    private static final class QueueNow {
        final TreeSet<Waiting> waiting = new TreeSet<>(QUEUE_ORDER);
        /** When the queue last went from empty to holding a call; meaningful while it holds one. */
        long nonEmptySince;
        long lastAnswerAt = Long.MIN_VALUE;
        /** Answer intervals, oldest first: {at, interval ms}. */
        final ArrayDeque<long[]> intervals = new ArrayDeque<>();
    }

    private final Map<Long, Waiting> calls = new HashMap<>();
    private final Map<String, QueueNow> queues = new HashMap<>();
    private long order;

    /** Takes in one event of the journal, in journal order. */
    public synchronized void apply(Event event) {
        if (event instanceof CallQueued e) {
            Waiting before = calls.get(e.callId());
            if (before != null && before.queueId.equals(e.queueId())) {
                return; // back from an unanswered offer, or queued again in the same queue: same place
            }
            leave(e.callId());
            Waiting w = new Waiting(e.callId(), e.queueId(), e.at(), order++);
            calls.put(w.callId, w);
            QueueNow q = queues.computeIfAbsent(w.queueId, id -> new QueueNow());
            if (q.waiting.isEmpty()) {
                q.nonEmptySince = e.at();
            }
            q.waiting.add(w);
        } else if (event instanceof CallAnswered e) {
            Waiting w = calls.get(e.callId());
            if (w != null) {
                QueueNow q = queues.get(w.queueId);
                long from = Math.max(q.lastAnswerAt, q.nonEmptySince);
                q.intervals.addLast(new long[] {e.at(), Math.max(0, e.at() - from)});
                if (q.intervals.size() > SAMPLES) {
                    q.intervals.removeFirst();
                }
                q.lastAnswerAt = e.at();
                leave(e.callId());
            }
        } else if (event instanceof CallAbandoned e) {
            leave(e.callId());
        } else if (event instanceof CallEnded e) {
            leave(e.callId());
        } else if (event instanceof CallbackRequested e) {
            leave(e.callId());
        } else if (event instanceof CallTransferred e) {
            leave(e.callId());
        } else if (event instanceof MaxWaitReached e && e.action() != MaxWaitAction.OVERFLOW) {
            leave(e.callId());
        }
    }

    private void leave(long callId) {
        Waiting w = calls.remove(callId);
        if (w != null) {
            queues.get(w.queueId).waiting.remove(w);
        }
    }

    /** Where {@code callId} stands at {@code now} (epoch ms), or null when it is not waiting in a queue. */
    public synchronized QueueStanding standingAt(long callId, long now) {
        Waiting w = calls.get(callId);
        if (w == null) {
            return null;
        }
        QueueNow q = queues.get(w.queueId);
        int position = q.waiting.headSet(w).size() + 1;
        long interval = answerIntervalMs(q, now);
        return new QueueStanding(position, interval < 0 ? QueueStanding.NO_ESTIMATE : position * interval / 1000);
    }

    /**
     * What a call joining {@code queueId} at {@code now} may expect to wait, in seconds: one place behind every call
     * waiting there, at the queue's recent answer interval; {@link QueueStanding#NO_ESTIMATE} when too few recent
     * answers tell. The wallboard's figure for the queue.
     */
    public synchronized long expectedWaitSecondsAt(String queueId, long now) {
        QueueNow q = queues.get(queueId);
        long interval = q == null ? -1 : answerIntervalMs(q, now);
        return interval < 0 ? QueueStanding.NO_ESTIMATE : (q.waiting.size() + 1) * interval / 1000;
    }

    /** The queue's recent answer interval in ms, or -1 when too few answers are recent enough to tell. */
    private static long answerIntervalMs(QueueNow q, long now) {
        for (Iterator<long[]> it = q.intervals.iterator(); it.hasNext(); ) {
            if (it.next()[0] < now - WINDOW_MS) {
                it.remove();
            } else {
                break;
            }
        }
        if (q.intervals.size() < MIN_SAMPLES) {
            return -1;
        }
        long sum = 0;
        for (long[] sample : q.intervals) {
            sum += sample[1];
        }
        long mean = sum / q.intervals.size();
        // an empty queue waits for no answer: only time with callers waiting counts against the reps
        long unanswered = q.waiting.isEmpty() ? 0 : now - Math.max(q.lastAnswerAt, q.nonEmptySince);
        return Math.max(mean, unanswered);
    }

    /** Calls waiting in any queue; for tests and meters. */
    public synchronized int waitingCalls() {
        return calls.size();
    }
}

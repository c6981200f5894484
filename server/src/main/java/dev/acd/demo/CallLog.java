package dev.acd.demo;

import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.Event;
import dev.acd.core.event.OfferFailed;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.stats.Grouping;
import dev.acd.core.stats.Metric;
import dev.acd.core.stats.ReportRow;
import dev.acd.core.stats.StatsProjection;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the journal from where it ends now and tells the operator what happens: a line per call step (arrived,
 * queued, ringing a rep, answered, held, ended, abandoned) and a statistics summary every minute, both from the
 * journal, never from the simulated population's own view. Other readers of the same events (the customers'
 * {@link JournalPickup}) subscribe with {@link #onEvent}. One thread of its own; close once.
 */
public final class CallLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);
    private static final long TAIL_EVERY_MS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Journal journal;
    private final PrintWriter out;
    private final ZoneId zone;
    private final StatsProjection stats;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-call-log");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Long> arrivedAt = new HashMap<>();
    private final Map<Long, Long> answeredAt = new HashMap<>();
    private final Set<String> loggedIn = new HashSet<>();
    private final long from;
    private JournalReader reader;
    private long events;

    /** A log of what {@code journal} receives from now on: events appended before {@link #start} are printed too. */
    public CallLog(Journal journal, PrintWriter out, ZoneId zone) {
        this.journal = journal;
        this.from = journal.lastIndex();
        this.out = out;
        this.zone = zone;
        this.stats = new StatsProjection(zone);
    }

    /** Also hands every event read to {@code listener}, on the log's thread. Add before {@link #start}. */
    public void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /**
     * Starts following the journal from where it ended when this log was made, so the demo's reps, who log in within
     * milliseconds of starting, are in the log however late it starts; a summary every {@code summaryEveryMs}.
     */
    public void start(long summaryEveryMs) {
        thread.execute(() -> reader = from == Journal.NO_INDEX ? journal.readFromStart() : journal.readAfter(from));
        thread.scheduleWithFixedDelay(this::readNew, TAIL_EVERY_MS, TAIL_EVERY_MS, TimeUnit.MILLISECONDS);
        thread.scheduleAtFixedRate(this::summary, summaryEveryMs, summaryEveryMs, TimeUnit.MILLISECONDS);
    }

    private void readNew() {
        try {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                events++;
                stats.apply(event);
                String line = describe(event);
                if (line != null) {
                    out.println(TIME.format(Instant.ofEpochMilli(event.at()).atZone(zone)) + "  " + line);
                }
                for (Consumer<Event> listener : listeners) {
                    listener.accept(event);
                }
            }
            out.flush();
        } catch (RuntimeException e) {
            LOG.warn("reading the journal for the call log failed", e);
        }
    }

    /** The operator's line for an event, or null for events not shown one by one. */
    String describe(Event event) {
        if (event instanceof CallArrived e) {
            arrivedAt.put(e.callId(), e.at());
            return String.format("call %d  from %s on line %s", e.callId(), e.from(), e.lineId());
        } else if (event instanceof CallQueued e) {
            return String.format("call %d  queued in %s", e.callId(), e.queueId());
        } else if (event instanceof CallOffered e) {
            return String.format("call %d  ringing %s", e.callId(), e.repId());
        } else if (event instanceof OfferFailed e) {
            return String.format("call %d  %s did not take it (%s)", e.callId(), e.repId(),
                    e.failure().name().toLowerCase().replace('_', ' '));
        } else if (event instanceof CallAnswered e) {
            answeredAt.put(e.callId(), e.at());
            return String.format("call %d  answered by %s after %s", e.callId(), e.repId(),
                    since(arrivedAt.get(e.callId()), e.at()));
        } else if (event instanceof CallHeld e) {
            return String.format("call %d  on hold", e.callId());
        } else if (event instanceof CallResumed e) {
            return String.format("call %d  off hold", e.callId());
        } else if (event instanceof CallAbandoned e) {
            answeredAt.remove(e.callId());
            return String.format("call %d  abandoned after %s", e.callId(), since(arrivedAt.remove(e.callId()), e.at()));
        } else if (event instanceof CallEnded e) {
            arrivedAt.remove(e.callId());
            Long answered = answeredAt.remove(e.callId());
            return String.format("call %d  ended by %s (%s)%s", e.callId(), e.endedBy().name().toLowerCase(),
                    e.reason(), answered == null ? "" : " after talking " + since(answered, e.at()));
        } else if (event instanceof RepLoggedIn e) {
            loggedIn.add(e.repId());
            return String.format("rep %s logged in (%d logged in)", e.repId(), loggedIn.size());
        } else if (event instanceof RepLoggedOut e) {
            loggedIn.remove(e.repId());
            return null;
        }
        return null;
    }

    private static String since(Long from, long to) {
        return from == null ? "?" : String.format("%d s", Math.round((to - from) / 1000.0));
    }

    /** Prints the statistics of everything journaled since the demo started; on the log's thread. */
    private void summary() {
        try {
            ReportRow total = stats.report(Grouping.QUEUE).totals();
            out.printf("---- %s  %d events; offered %.0f, answered %.0f, abandoned %.0f, service level %.0f %%, "
                            + "ASA %.0f s, average talk %.0f s; %d reps logged in%n",
                    TIME.format(Instant.now().atZone(zone)), events, total.value(Metric.OFFERED),
                    total.value(Metric.ANSWERED), total.value(Metric.ABANDONED),
                    100 * nanToZero(total.value(Metric.SERVICE_LEVEL)), nanToZero(total.value(Metric.ASA)),
                    nanToZero(total.value(Metric.AVG_TALK_TIME)), loggedIn.size());
            out.flush();
        } catch (RuntimeException e) {
            LOG.warn("the statistics summary failed", e);
        }
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Reads what is left, prints a last summary and stops. */
    @Override
    public void close() {
        try {
            thread.submit(() -> {
                readNew();
                summary();
                reader.close();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the call log did not finish cleanly", e);
        }
        thread.shutdownNow();
    }
}

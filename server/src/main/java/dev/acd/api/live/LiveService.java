package dev.acd.api.live;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.acd.api.auth.Principal;
import dev.acd.api.history.CdrIndex;
import dev.acd.core.event.Event;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.stats.StatsMeters;
import dev.acd.core.stats.StatsProjection;
import dev.acd.core.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Follows the journal and keeps everything the API shows from it: the live model, the statistics projection, the
 * Prometheus meters and the CDRs. All of it belongs to one thread ("api-live"); other threads ask through
 * {@link #query} and {@link #act}, which run on it, so no state needs a lock and a check and the event it leads to
 * (a rep control, a disposition) cannot interleave with another. After each batch read from the journal, the live
 * feed's subscribers get what changed.
 */
public final class LiveService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveService.class);
    /** How often the journal is read for new events; the feed's delay is at most this plus the send. */
    public static final long TAIL_EVERY_MS = 10;
    /** How long a query may wait for the live thread before the request fails. */
    public static final long QUERY_TIMEOUT_MS = 10_000;
    /** Events read in one go before the feed is told, so a long backlog still lets queries in. */
    private static final int MAX_BATCH_EVENTS = 10_000;
    private static final int MAX_CDRS = 1_000_000;

    /** The state the live thread owns, handed to queries and actions. */
    public record State(LiveModel model, StatsProjection stats, CdrIndex cdrs, ZoneId zone, long now,
                        java.util.Set<Long> disposing) {
        /** Views as of now. */
        public Views views() {
            return new Views(model, stats, now, zone);
        }
    }

    private record Subscriber(Channel channel, Principal principal, java.util.Set<Long> shownCalls) {
    }

    private final DefaultEventExecutor thread = new DefaultEventExecutor(new DefaultThreadFactory("api-live", true));
    private final Journal journal;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json;
    private final LiveModel model;
    private final StatsProjection stats;
    private final StatsMeters meters;
    private final CdrIndex cdrs = new CdrIndex(MAX_CDRS);
    private final java.util.Set<Long> disposing = new java.util.HashSet<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private JournalReader reader;
    private ScheduledFuture<?> tail;
    private volatile boolean caughtUp;
    private volatile long eventsRead;

    public LiveService(Journal journal, RoutingModel model, ZoneId zone, Clock clock, MeterRegistry registry,
                       ObjectMapper json) {
        this.journal = journal;
        this.clock = clock;
        this.zone = zone;
        this.json = json;
        this.model = new LiveModel(model);
        this.stats = new StatsProjection(zone);
        this.meters = new StatsMeters(registry);
    }

    /** Starts following the journal from its first event. */
    public void start() {
        thread.execute(() -> reader = journal.readFromStart());
        tail = thread.scheduleWithFixedDelay(this::readNew, 0, TAIL_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Whether the whole journal as it was at start has been read (the API is ready). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** How many events the service has read. */
    public long eventsRead() {
        return eventsRead;
    }

    /** Runs {@code question} on the live thread and waits for its answer. */
    public <T> T query(Function<State, T> question) {
        try {
            return thread.submit(() -> question.apply(state())).get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the live state", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the live state did not answer within " + QUERY_TIMEOUT_MS + " ms", e);
        }
    }

    /** Runs a check-then-publish {@code action} on the live thread, so it sees every event read before it. */
    public <T> T act(Function<State, T> action) {
        return query(action);
    }

    /** Adds a feed subscriber: it gets a snapshot now (on the live thread), then changes. */
    public void subscribe(Channel channel, Principal principal) {
        thread.execute(() -> {
            Subscriber subscriber = new Subscriber(channel, principal, new java.util.HashSet<>());
            subscribers.add(subscriber);
            channel.closeFuture().addListener(f -> subscribers.remove(subscriber));
            send(subscriber, snapshot(subscriber, state().views()));
        });
    }

    private State state() {
        return new State(model, stats, cdrs, zone, clock.millis(), disposing);
    }

    private void readNew() {
        try {
            int read = 0;
            for (Event event = reader.next(); event != null; event = reader.next()) {
                model.apply(event);
                stats.apply(event);
                meters.apply(event);
                cdrs.apply(event);
                if (event instanceof dev.acd.core.event.DispositionRecorded d) {
                    disposing.remove(d.callId());
                }
                eventsRead++;
                if (++read >= MAX_BATCH_EVENTS) {
                    break;
                }
            }
            if (read < MAX_BATCH_EVENTS) {
                caughtUp = true;
            }
            LiveModel.Changes changes = model.drain();
            if (!changes.isEmpty() && !subscribers.isEmpty()) {
                Views views = state().views();
                for (Subscriber subscriber : subscribers) {
                    Map<String, Object> message = changes(subscriber, changes, views);
                    if (message != null) {
                        send(subscriber, message);
                    }
                }
            }
        } catch (RuntimeException e) {
            // The loop must go on: one bad excerpt or view must not stop the live state.
            LOG.error("live state: reading the journal failed", e);
        }
    }

    private Map<String, Object> snapshot(Subscriber s, Views views) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "snapshot");
        message.put("at", java.time.Instant.ofEpochMilli(clock.millis()).toString());
        Principal p = s.principal();
        message.put("queues", p.supervises() ? views.queues() : List.of());
        message.put("reps", p.supervises() ? views.reps() : views.rep(p.repId()) == null ? List.of()
                : List.of(views.rep(p.repId())));
        List<Views.CallView> calls = new ArrayList<>();
        for (LiveModel.CallNow call : model.calls().values()) {
            if (p.supervises() || p.repId().equals(call.repId())) {
                calls.add(views.call(call.callId()));
                s.shownCalls().add(call.callId());
            }
        }
        message.put("calls", calls);
        return message;
    }

    private Map<String, Object> changes(Subscriber s, LiveModel.Changes changes, Views views) {
        Principal p = s.principal();
        List<Object> queues = new ArrayList<>();
        List<Object> reps = new ArrayList<>();
        List<Object> calls = new ArrayList<>();
        List<Long> ended = new ArrayList<>();
        if (p.supervises()) {
            changes.queues().forEach(id -> queues.add(views.queue(id)));
        }
        for (String id : changes.reps()) {
            if (p.mayActFor(id)) {
                reps.add(views.rep(id));
            }
        }
        for (long id : changes.calls()) {
            LiveModel.CallNow call = model.calls().get(id);
            boolean mine = call != null && (p.supervises() || p.repId().equals(call.repId()));
            if (mine) {
                calls.add(views.call(id));
                s.shownCalls().add(id);
            } else if (s.shownCalls().remove(id)) {
                ended.add(id); // no longer the rep's (an offer moved on): gone from its view
            }
        }
        for (Map.Entry<Long, String> e : changes.endedCalls().entrySet()) {
            if (s.shownCalls().remove(e.getKey())) {
                ended.add(e.getKey());
            }
        }
        if (queues.isEmpty() && reps.isEmpty() && calls.isEmpty() && ended.isEmpty()) {
            return null;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "changes");
        message.put("at", java.time.Instant.ofEpochMilli(clock.millis()).toString());
        message.put("queues", queues);
        message.put("reps", reps);
        message.put("calls", calls);
        message.put("callsEnded", ended);
        return message;
    }

    private void send(Subscriber subscriber, Map<String, Object> message) {
        if (!subscriber.channel().isActive()) {
            return;
        }
        try {
            subscriber.channel().writeAndFlush(new TextWebSocketFrame(json.writeValueAsString(message)));
        } catch (JsonProcessingException e) {
            LOG.error("live feed: could not write a message", e);
        }
    }

    @Override
    public void close() {
        if (tail != null) {
            tail.cancel(false);
        }
        thread.submit(() -> {
            if (reader != null) {
                reader.close();
            }
        }).awaitUninterruptibly(QUERY_TIMEOUT_MS);
        thread.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(QUERY_TIMEOUT_MS);
    }
}

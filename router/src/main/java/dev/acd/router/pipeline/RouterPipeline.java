package dev.acd.router.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import dev.acd.core.command.CommandSubscriber;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.router.RoutingEngine;

/**
 * The router on a Disruptor ring: any thread publishes events; the routing thread applies them to the engine; the
 * journal thread appends each event followed by its decisions and then sends the commands. The engine runs first
 * so its decisions are journaled right behind their cause by a single journal writer; no command leaves before
 * the event and decisions behind it are journaled.
 *
 * <p>An exception while handling one event is logged and counted, and the pipeline goes on with the next.
 */
public final class RouterPipeline implements EventPublisher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouterPipeline.class);
    private static final EventTranslatorOneArg<EventSlot, Event> PUT = (slot, sequence, event) -> {
        slot.event = event;
        slot.publishedNanos = System.nanoTime();
    };

    private final Disruptor<EventSlot> disruptor;
    private final RingBuffer<EventSlot> ring;
    private final RoutingEngine engine;
    private final AtomicLong failures = new AtomicLong();
    private final LoggedInReps loggedIn = new LoggedInReps();

    public RouterPipeline(RoutingEngine engine, JournalWriter journal, CommandSubscriber subscriber,
                          PipelineSettings settings) {
        this.engine = engine;
        loggedIn.refresh(engine);
        disruptor = new Disruptor<>(EventSlot::new, settings.ringSize(), RouterPipeline::thread, ProducerType.MULTI,
                waitStrategy(settings.waitStrategy()));
        EventHandler<EventSlot> route = (slot, sequence, endOfBatch) -> {
            engine.apply(slot.event, slot);
            loggedIn.follow(engine, slot.event);
        };
        EventHandler<EventSlot> journalAndSend = (slot, sequence, endOfBatch) -> {
            slot.drainTo(journal, subscriber);
            if (endOfBatch) {
                journal.endOfBatch();
            }
        };
        disruptor.handleEventsWith(route).then(journalAndSend);
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler());
        ring = disruptor.start();
    }

    private static Thread thread(Runnable runnable) {
        Thread thread = new Thread(runnable, "router-pipeline");
        thread.setDaemon(true);
        return thread;
    }

    private static WaitStrategy waitStrategy(String name) {
        return switch (name) {
            case "yielding" -> new YieldingWaitStrategy();
            case "sleeping" -> new SleepingWaitStrategy();
            case "blocking-spin" -> new BlockingWaitStrategy();
            default -> new BlockingBackoffWaitStrategy();
        };
    }

    @Override
    public void publish(Event event) {
        ring.publishEvent(PUT, event);
    }

    @Override
    public boolean tryPublish(Event event) {
        return ring.tryPublishEvent(PUT, event);
    }

    /** Events that failed in a handler since start. */
    public long failures() {
        return failures.get();
    }

    /** Slots free in the ring right now; a small number means the router is falling behind. */
    public long remainingCapacity() {
        return ring.remainingCapacity();
    }

    /** Which reps are logged in as the router sees them; readable from any thread. */
    public LoggedInReps loggedInReps() {
        return loggedIn;
    }

    /** The engine; read it only from the router thread or after {@link #close()}. */
    public RoutingEngine engine() {
        return engine;
    }

    /** Processes everything published so far, then stops the threads. */
    @Override
    public void close() {
        try {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("router pipeline did not drain within 10 s; halting with events left in the ring");
            disruptor.halt();
        }
    }

    private final class CountingExceptionHandler implements ExceptionHandler<EventSlot> {
        @Override
        public void handleEventException(Throwable failure, long sequence, EventSlot slot) {
            failures.incrementAndGet();
            LOG.error("router pipeline failed on event {} (sequence {}); going on with the next", slot.event, sequence,
                    failure);
            slot.decisions.clear();
            slot.commands.clear();
        }

        @Override
        public void handleOnStartException(Throwable failure) {
            LOG.error("router pipeline failed to start", failure);
        }

        @Override
        public void handleOnShutdownException(Throwable failure) {
            LOG.error("router pipeline failed to stop cleanly", failure);
        }
    }
}

package dev.acd.router.pipeline;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.acd.core.command.Command;
import dev.acd.core.command.OfferCall;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallOffered;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.MaxWaitAction;
import dev.acd.core.model.MissPolicy;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Reach;
import dev.acd.core.model.ReachKind;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RepKind;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.RoutingSettings;
import dev.acd.core.model.Segment;
import dev.acd.core.model.Skill;
import dev.acd.router.RoutingEngine;

class RouterPipelineTest {
    private static final long T0 = 1_795_424_400_000L;

    private static RoutingModel model(int reps) {
        List<Rep> list = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            list.add(new Rep("rep" + i, "Rep " + i, RepKind.INSIDE, "smb", Map.of("crm", 5), null, null,
                    new Reach(ReachKind.SOFTPHONE, "rep" + i), List.of(), ZoneOffset.UTC));
        }
        Queue queue = new Queue("sales", "Sales", List.of(), List.of(), 20, 80, 0, 15, 0, MaxWaitAction.HANG_UP,
                null, 5, 10);
        return new RoutingModel(List.of(new Skill("crm", "CRM")), List.of(new Segment("smb", "SMB", Set.of("smb"), 0)),
                List.of(queue), List.of(new Line("sales", "+15550001", "Sales", "sales")), list,
                new RoutingSettings("smb", List.of(), MissPolicy.DEFAULT, 0, 3));
    }

    private static CallClassified classified(long at, long callId) {
        return new CallClassified(at, callId, null, "smb", 0, null, null, null, null, "sales", 0, List.of());
    }

    @Test
    void shouldJournalDecisionsBehindTheirCauseAndSendCommandsOnlyAfterwards() {
        List<Event> journal = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = new CopyOnWriteArrayList<>();
        List<Command> commands = new CopyOnWriteArrayList<>();
        int calls = 2_000;
        try (RouterPipeline pipeline = new RouterPipeline(new RoutingEngine(), journal::add, command -> {
            boolean journaled = journal.stream().anyMatch(e -> e instanceof CallOffered o && o.callId() == command.callId());
            if (!journaled) {
                problems.add("command before its decision was journaled: " + command);
            }
            commands.add(command);
        }, PipelineSettings.DEFAULT)) {
            pipeline.publish(new ConfigChanged(T0, 1, "test", model(calls)));
            for (int i = 0; i < calls; i++) {
                pipeline.publish(new RepLoggedIn(T0, "rep" + i));
                pipeline.publish(new RepReady(T0, "rep" + i));
            }
            for (long id = 1; id <= calls; id++) {
                pipeline.publish(new CallArrived(T0 + id, id, Direction.INBOUND, "sales", "+1555" + id, "+15550001", null));
                pipeline.publish(classified(T0 + id, id));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> commands.size() == calls);
        }
        assertEquals(List.of(), problems);
        // Each classification is followed at once by its CallQueued and CallOffered.
        for (int i = 0; i < journal.size(); i++) {
            if (journal.get(i) instanceof CallClassified c) {
                assertEquals(CallQueued.class, journal.get(i + 1).getClass());
                CallOffered offered = (CallOffered) journal.get(i + 2);
                assertEquals(c.callId(), offered.callId());
            }
        }
        assertTrue(commands.stream().allMatch(OfferCall.class::isInstance));
    }

    @Test
    void shouldLeaveOutTicksThatDecidedNothing() {
        List<Event> journal = new CopyOnWriteArrayList<>();
        try (RouterPipeline pipeline = new RouterPipeline(new RoutingEngine(), journal::add, command -> { },
                PipelineSettings.DEFAULT)) {
            pipeline.publish(new ConfigChanged(T0, 1, "test", model(1)));
            pipeline.publish(new Tick(T0 + 1_000));
            pipeline.publish(new RepLoggedIn(T0 + 2_000, "rep0"));
            await().atMost(Duration.ofSeconds(5)).until(() -> journal.size() == 2);
        }
        assertEquals(List.of(ConfigChanged.class, RepLoggedIn.class), journal.stream().map(Object::getClass).toList());
    }

    @Test
    void shouldAcceptEventsFromManyThreadsAndRouteEachCallOnce() throws InterruptedException {
        List<Command> commands = new CopyOnWriteArrayList<>();
        int threads = 4;
        int callsPerThread = 500;
        try (RouterPipeline pipeline = new RouterPipeline(new RoutingEngine(), JournalWriter.NONE, commands::add,
                new PipelineSettings(1024, "blocking"))) {
            pipeline.publish(new ConfigChanged(T0, 1, "test", model(threads * callsPerThread)));
            for (int i = 0; i < threads * callsPerThread; i++) {
                pipeline.publish(new RepLoggedIn(T0, "rep" + i));
                pipeline.publish(new RepReady(T0, "rep" + i));
            }
            CountDownLatch done = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                long first = (long) t * callsPerThread + 1;
                Thread producer = new Thread(() -> {
                    for (long id = first; id < first + callsPerThread; id++) {
                        pipeline.publish(new CallArrived(T0, id, Direction.INBOUND, "sales", "+1555", "+1", null));
                        pipeline.publish(classified(T0, id));
                    }
                    done.countDown();
                });
                producer.start();
            }
            done.await();
            await().atMost(Duration.ofSeconds(20)).until(() -> commands.size() == threads * callsPerThread);
        }
        assertEquals(threads * callsPerThread, commands.stream().map(Command::callId).distinct().count());
        assertEquals(threads * callsPerThread,
                commands.stream().map(c -> ((OfferCall) c).repId()).distinct().count(), "one call per rep");
    }

    @Test
    void shouldCountAFailedEventAndGoOnWithTheNext() {
        List<Event> journal = new CopyOnWriteArrayList<>();
        JournalWriter failingOnce = event -> {
            if (event instanceof RepLoggedIn login && login.at() == T0 + 1) {
                throw new IllegalStateException("disk full (test)");
            }
            journal.add(event);
        };
        try (RouterPipeline pipeline = new RouterPipeline(new RoutingEngine(), failingOnce, command -> { },
                PipelineSettings.DEFAULT)) {
            pipeline.publish(new ConfigChanged(T0, 1, "test", model(1)));
            pipeline.publish(new RepLoggedIn(T0 + 1, "rep0"));
            pipeline.publish(new Tick(T0 + 2));
            pipeline.publish(new RepReady(T0 + 3, "rep0"));
            await().atMost(Duration.ofSeconds(5)).until(() -> journal.contains(new RepReady(T0 + 3, "rep0")));
            assertEquals(1, pipeline.failures());
        }
    }
}

package dev.acd.router.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
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
import dev.acd.router.RoutingOutput;

class LoggedInRepsTest {
    private static final long T0 = 1_795_424_400_000L;

    private static RoutingModel model(String... reps) {
        List<Rep> list = java.util.Arrays.stream(reps).map(id -> new Rep(id, id, RepKind.INSIDE, "smb",
                Map.of("crm", 5), null, null, new Reach(ReachKind.SOFTPHONE, id), List.of(), ZoneOffset.UTC)).toList();
        Queue queue = new Queue("sales", "Sales", List.of(), List.of(), 20, 80, 0, 15, 0, MaxWaitAction.HANG_UP,
                null, 5, 10);
        return new RoutingModel(List.of(new Skill("crm", "CRM")), List.of(new Segment("smb", "SMB", Set.of("smb"), 0)),
                List.of(queue), List.of(new Line("sales", "+15550001", "Sales", "sales")), list,
                new RoutingSettings("smb", List.of(), MissPolicy.DEFAULT, 0, 3));
    }

    private static void apply(RoutingEngine engine, LoggedInReps reps, Event event) {
        engine.apply(event, RoutingOutput.DISCARD);
        reps.follow(engine, event);
    }

    @Test
    void shouldSayARepIsLoggedInFromLoginToLogoutWhateverTheirReadiness() {
        RoutingEngine engine = new RoutingEngine();
        LoggedInReps reps = new LoggedInReps();
        apply(engine, reps, new ConfigChanged(T0, 1, "test", model("ann", "bob")));
        assertFalse(reps.contains("ann"));
        apply(engine, reps, new RepLoggedIn(T0, "ann"));
        apply(engine, reps, new RepNotReady(T0, "ann", "lunch"));
        assertTrue(reps.contains("ann"), "not ready is still logged in");
        assertFalse(reps.contains("bob"));
        apply(engine, reps, new RepLoggedOut(T0 + 1, "ann"));
        assertFalse(reps.contains("ann"));
    }

    @Test
    void shouldForgetARepWhoLeavesTheConfigurationAndKnowThoseOfARebuiltEngine() {
        RoutingEngine engine = new RoutingEngine();
        LoggedInReps reps = new LoggedInReps();
        apply(engine, reps, new ConfigChanged(T0, 1, "test", model("ann", "bob")));
        apply(engine, reps, new RepLoggedIn(T0, "ann"));
        apply(engine, reps, new RepLoggedIn(T0, "bob"));
        apply(engine, reps, new ConfigChanged(T0 + 1, 2, "test", model("bob")));
        assertFalse(reps.contains("ann"));
        assertTrue(reps.contains("bob"));

        LoggedInReps rebuilt = new LoggedInReps();
        rebuilt.refresh(RoutingEngine.rebuiltFrom(List.of(new ConfigChanged(T0, 1, "test", model("ann", "bob")),
                new RepLoggedIn(T0, "bob"))));
        assertTrue(rebuilt.contains("bob"));
        assertFalse(rebuilt.contains("ann"));
    }
}

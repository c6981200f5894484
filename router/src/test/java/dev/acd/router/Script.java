package dev.acd.router;

import java.util.ArrayList;
import java.util.List;

import dev.acd.core.command.Command;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.Tick;
import dev.acd.core.model.Direction;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.model.SkillRequirement;

/** Drives an engine like a test script: events in, the decisions and commands of each step kept for assertions. */
final class Script implements RoutingOutput {
    final RoutingEngine engine = new RoutingEngine();
    final List<Decision> decisions = new ArrayList<>();
    final List<Command> commands = new ArrayList<>();
    long now;

    Script(RoutingModel model, long start) {
        now = start;
        apply(new ConfigChanged(now, 1, "test", model));
    }

    Script apply(Event event) {
        engine.apply(event, this);
        return this;
    }

    /** Clears what earlier steps produced, so the next assertions see only what follows. */
    Script fresh() {
        decisions.clear();
        commands.clear();
        return this;
    }

    Script at(long secondsFromStart, long start) {
        now = start + secondsFromStart * 1000;
        return this;
    }

    Script advance(long seconds) {
        now += seconds * 1000;
        return apply(new Tick(now));
    }

    Script readyReps(String... ids) {
        for (String id : ids) {
            apply(new RepLoggedIn(now, id));
            apply(new RepReady(now, id));
        }
        return this;
    }

    Script call(long callId, String queue, String segment, String owner, String territory, int priority,
                List<SkillRequirement> skills) {
        apply(new CallArrived(now, callId, Direction.INBOUND, "line-" + queue, "+15550100" + callId, "+15550000", null));
        return apply(new CallClassified(now, callId, "cust-" + callId, segment, 0, owner, territory, null, null,
                queue, priority, skills));
    }

    @Override
    public void decided(Decision decision) {
        decisions.add(decision);
    }

    @Override
    public void command(Command command) {
        commands.add(command);
    }

    @SuppressWarnings("unchecked")
    <T> List<T> decisionsOf(Class<T> type) {
        return (List<T>) decisions.stream().filter(type::isInstance).toList();
    }

    @SuppressWarnings("unchecked")
    <T> List<T> commandsOf(Class<T> type) {
        return (List<T>) commands.stream().filter(type::isInstance).toList();
    }
}

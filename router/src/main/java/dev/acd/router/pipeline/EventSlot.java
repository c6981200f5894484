package dev.acd.router.pipeline;

import java.util.ArrayList;

import dev.acd.core.command.Command;
import dev.acd.core.command.CommandSubscriber;
import dev.acd.core.event.Decision;
import dev.acd.core.event.Event;
import dev.acd.core.event.Tick;
import dev.acd.router.RoutingOutput;

/**
 * One ring-buffer slot: the event, then what the engine decided about it. Preallocated and reused, so steady
 * operation allocates no lists. Written by the routing handler, read and cleared by the journal handler.
 */
public final class EventSlot implements RoutingOutput {
    Event event;
    /** When the event was published, in {@link System#nanoTime()} units; for latency measurement only. */
    long publishedNanos;
    final ArrayList<Decision> decisions = new ArrayList<>(4);
    final ArrayList<Command> commands = new ArrayList<>(4);

    @Override
    public void decided(Decision decision) {
        decisions.add(decision);
    }

    @Override
    public void command(Command command) {
        commands.add(command);
    }

    /**
     * Journals the event and its decisions, in that order, then sends the commands; leaves the slot empty.
     * A {@link Tick} that led to no decision is not journaled: it only moved time, and every timer that fires
     * makes a decision, so replay reaches the same state at every journaled event without it.
     */
    void drainTo(JournalWriter journal, CommandSubscriber subscriber) {
        if (!(event instanceof Tick) || !decisions.isEmpty()) {
            journal.append(event);
        }
        for (int i = 0; i < decisions.size(); i++) {
            journal.append(decisions.get(i));
        }
        for (int i = 0; i < commands.size(); i++) {
            subscriber.onCommand(commands.get(i));
        }
        event = null;
        decisions.clear();
        commands.clear();
    }
}

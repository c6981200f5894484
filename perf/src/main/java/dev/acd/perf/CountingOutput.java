package dev.acd.perf;

import dev.acd.core.command.Command;
import dev.acd.core.event.Decision;
import dev.acd.router.RoutingOutput;

/** A routing output that only counts, so a benchmark can check the engine decided what the recording says. */
final class CountingOutput implements RoutingOutput {
    long decisions;
    long commands;
    /** Kept so the JIT cannot drop the work that made the last decision. */
    Decision lastDecision;

    @Override
    public void decided(Decision decision) {
        decisions++;
        lastDecision = decision;
    }

    @Override
    public void command(Command command) {
        commands++;
    }
}

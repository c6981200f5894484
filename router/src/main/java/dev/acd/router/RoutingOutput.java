package dev.acd.router;

import dev.acd.core.command.Command;
import dev.acd.core.event.Decision;

/** Where the engine puts what it decides. Called on the router thread, in the order things were decided. */
public interface RoutingOutput {
    /** A decision, to be journaled right after the event that caused it. */
    void decided(Decision decision);

    /** A command for call control, to be sent once the decisions before it are durable. */
    void command(Command command);

    /** Keeps nothing: for rebuilding state, where decisions and commands were already journaled and acted on. */
    RoutingOutput DISCARD = new RoutingOutput() {
        @Override
        public void decided(Decision decision) {
        }

        @Override
        public void command(Command command) {
        }
    };
}

package dev.acd.core.command;

/**
 * Receives the router's commands; call control (the SIP gateway, the simulator, the Asterisk adapter) implements it.
 * Called on the router's journal thread once the decisions that led to the command are journaled: an implementation
 * hands the command to the thread that owns the call and returns at once, it never blocks.
 */
@FunctionalInterface
public interface CommandSubscriber {
    void onCommand(Command command);
}

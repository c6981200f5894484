package dev.acd.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.acd.core.command.Command;
import dev.acd.core.command.CommandSubscriber;

/**
 * Hands each router command to every call-control service (SIP gateway, Asterisk adapter); each acts only on the
 * calls it carries. A broadcast is enough because there are a handful of services and each command names its call.
 */
public final class CommandFanOut implements CommandSubscriber {
    private final List<CommandSubscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Adds a service; commands decided from now on reach it. */
    public void add(CommandSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void remove(CommandSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    public void onCommand(Command command) {
        for (CommandSubscriber subscriber : subscribers) {
            subscriber.onCommand(command);
        }
    }
}

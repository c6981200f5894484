package dev.acd.commands;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.core.command.Command;
import dev.acd.core.command.CommandSubscriber;

/**
 * Hands each router command to the call control that owns the call, so calls from the SIP gateway and from Asterisk
 * share one router. An origin ("sip", "asterisk") registers its subscriber once; each call is claimed by its origin
 * when it arrives and released when it is over. Commands for calls nobody claims are counted and dropped.
 *
 * <p>Thread-safe: origins claim calls from their own threads, the router's journal thread sends commands.
 * {@link #onCommand} does not block; the subscribers it calls must not either.
 */
public final class CommandRouting implements CommandSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouting.class);

    private final Map<String, CommandSubscriber> origins = new ConcurrentHashMap<>();
    private final Map<Long, CommandSubscriber> owners = new ConcurrentHashMap<>();
    private final AtomicLong unrouted = new AtomicLong();

    /** Registers the call control of one origin; its calls' commands go to {@code subscriber}. */
    public void addOrigin(String origin, CommandSubscriber subscriber) {
        if (origins.putIfAbsent(origin, subscriber) != null) {
            throw new IllegalStateException("origin " + origin + " is already registered");
        }
    }

    /** Marks a call as owned by an origin; call it before publishing the call's first event. */
    public void claim(long callId, String origin) {
        CommandSubscriber subscriber = origins.get(origin);
        if (subscriber == null) {
            throw new IllegalArgumentException("unknown origin " + origin + "; registered: " + origins.keySet());
        }
        owners.put(callId, subscriber);
    }

    /** Forgets a call that is over. */
    public void release(long callId) {
        owners.remove(callId);
    }

    @Override
    public void onCommand(Command command) {
        CommandSubscriber owner = owners.get(command.callId());
        if (owner == null) {
            unrouted.incrementAndGet();
            LOG.debug("no call control owns call {}; dropped {}", command.callId(), command);
            return;
        }
        owner.onCommand(command);
    }

    /** Commands dropped because no origin owned their call. */
    public long unrouted() {
        return unrouted.get();
    }

    /** Calls currently claimed. */
    public int claimedCalls() {
        return owners.size();
    }
}

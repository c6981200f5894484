package dev.acd.asterisk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.acd.commands.CallIds;
import dev.acd.commands.CommandRouting;
import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.Command;
import dev.acd.core.command.CommandSubscriber;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;

/**
 * The calls Asterisk carries for our router, by our call id and by the caller channel's Asterisk unique id. It is the
 * {@link #ORIGIN} call control in {@link CommandRouting}: router commands land in the call's mailbox. Thread-safe.
 */
public final class AsteriskCalls implements CommandSubscriber {
    /** The origin name these calls are claimed under. */
    public static final String ORIGIN = "asterisk";

    private final EventPublisher publisher;
    private final CommandRouting routing;
    private final CallIds ids;
    private final Map<Long, AsteriskCall> byId = new ConcurrentHashMap<>();
    private final Map<String, AsteriskCall> byUniqueId = new ConcurrentHashMap<>();
    private volatile Predicate<String> channelHangUp = channel -> false;

    public AsteriskCalls(EventPublisher publisher, CommandRouting routing, CallIds ids) {
        this.publisher = publisher;
        this.routing = routing;
        this.ids = ids;
    }

    /** A new call for the caller channel with this unique id, claimed in the command routing. */
    public AsteriskCall open(String uniqueId) {
        AsteriskCall call = new AsteriskCall(ids.next(), uniqueId, this);
        byId.put(call.callId(), call);
        if (uniqueId != null) {
            byUniqueId.put(uniqueId, call);
        }
        routing.claim(call.callId(), ORIGIN);
        return call;
    }

    public Optional<AsteriskCall> byId(long callId) {
        return Optional.ofNullable(byId.get(callId));
    }

    /** The call whose caller channel has this unique id, or whose caller channel a channel is linked to. */
    public Optional<AsteriskCall> byChannel(String uniqueId, String linkedId) {
        AsteriskCall call = uniqueId == null ? null : byUniqueId.get(uniqueId);
        if (call == null && linkedId != null) {
            call = byUniqueId.get(linkedId);
        }
        return Optional.ofNullable(call);
    }

    /** Calls not over yet. */
    public int size() {
        return byId.size();
    }

    /**
     * How to hang up a channel (the manager interface's Hangup action): true when the request went out. Without it a
     * cancelled offer rings on until Dial's ring timeout.
     */
    public void channelHangUp(Predicate<String> hangUp) {
        this.channelHangUp = hangUp;
    }

    /** Runs on the router's command thread; never blocks. */
    @Override
    public void onCommand(Command command) {
        AsteriskCall call = byId.get(command.callId());
        if (call == null) {
            return;
        }
        if (command instanceof CancelOffer cancel) {
            call.cancelOffer(cancel.repId(), channelHangUp);
        }
        call.deliver(command);
    }

    void publish(Event event) {
        publisher.publish(event);
    }

    void forget(AsteriskCall call) {
        byId.remove(call.callId());
        if (call.uniqueId() != null) {
            byUniqueId.remove(call.uniqueId(), call);
        }
        routing.release(call.callId());
    }
}

package dev.acd.asterisk.ami;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.UnholdEvent;

import dev.acd.commands.CallIds;
import dev.acd.core.call.Classifier;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.event.CallAbandoned;
import dev.acd.core.event.CallAnswered;
import dev.acd.core.event.CallArrived;
import dev.acd.core.event.CallClassified;
import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallHeld;
import dev.acd.core.event.CallQueued;
import dev.acd.core.event.CallResumed;
import dev.acd.core.event.CallTransferred;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.Party;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.Queue;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.time.Clock;

/**
 * Bring-your-own-queue mode: app_queue routes, we journal. A caller joining an Asterisk queue becomes our call
 * (arrived, classified by caller number, queued in the queue of the same name); a member connecting answers it, the
 * member completing ends it (by the reason app_queue gives) and starts the member's wrap-up, a caller abandoning
 * abandons it. Members map to reps by member name equal to the rep id, else by the interface's endpoint equal to the
 * rep's softphone user; their log-in, log-out, pause and wrap-up are {@link QueueMembers}' job.
 *
 * <p>The classification carries no queue, so the router does not queue these calls itself (it answers them with a
 * HangUpCall that no call control owns, and that is dropped); the queue visit is journaled as {@code CallQueued} from
 * here, which is what statistics count. Events come on asterisk-java's reader thread and {@link #sweep} on a timer,
 * so both hold the object's lock.
 */
final class QueueEvents {
    /** app_queue's device state "unavailable": the member's phone is gone, so the rep is logged out. */
    static final int MEMBER_UNAVAILABLE = 5;

    private final EventPublisher publisher;
    private final CallIds ids;
    private final RoutingModel model;
    private final Classifier classifier;
    private final Clock clock;
    private final QueueMembers members;
    private final Map<String, QueueCall> calls = new HashMap<>();
    /** Asterisk's time minus ours at the last event, to tell Asterisk's time between events. */
    private long asteriskAhead;

    private static final class QueueCall {
        final long callId;
        final String queue;
        String repId;

        QueueCall(long callId, String queue) {
            this.callId = callId;
            this.queue = queue;
        }
    }

    QueueEvents(EventPublisher publisher, CallIds ids, RoutingModel model, CustomerDirectory directory, Clock clock) {
        this.publisher = publisher;
        this.ids = ids;
        this.model = model;
        this.classifier = new Classifier(model, directory);
        this.clock = clock;
        this.members = new QueueMembers(publisher);
    }

    /** Ends the wrap-ups whose time is up by Asterisk's clock now, when no event came to tell. */
    synchronized void sweep() {
        members.advance(clock.millis() + asteriskAhead);
    }

    synchronized boolean handle(ManagerEvent event) {
        long at = AmiTime.of(event, clock);
        asteriskAhead = at - clock.millis();
        members.advance(at);
        if (event instanceof QueueCallerJoinEvent join) {
            joined(join, at);
        } else if (event instanceof AgentCalledEvent called) {
            members.busyAgain(rep(called.getMemberName(), called.getInterface()), at);
            return calls.containsKey(called.getUniqueId());
        } else if (event instanceof AgentConnectEvent connect) {
            QueueCall call = calls.get(connect.getUniqueId());
            if (call == null) {
                return false;
            }
            call.repId = rep(connect.getMemberName(), connect.getInterface());
            members.seen(call.repId, call.queue, null, null, null, at);
            members.busyAgain(call.repId, at);
            publisher.publish(new CallAnswered(at, call.callId, call.repId));
        } else if (event instanceof AgentCompleteEvent complete) {
            QueueCall call = calls.remove(complete.getUniqueId());
            if (call == null) {
                return false;
            }
            String reason = complete.getReason() == null ? "" : complete.getReason();
            if (reason.equalsIgnoreCase("transfer")) {
                publisher.publish(new CallTransferred(at, call.callId, call.repId, TransferTarget.NUMBER, "asterisk"));
            } else {
                Party by = reason.equalsIgnoreCase("agent") ? Party.REP : Party.CUSTOMER;
                publisher.publish(new CallEnded(at, call.callId, by, reason.isEmpty() ? "complete" : reason));
            }
            wrapUp(call, at);
        } else if (event instanceof QueueCallerAbandonEvent abandon) {
            QueueCall call = calls.remove(abandon.getUniqueId());
            if (call == null) {
                return false;
            }
            publisher.publish(new CallAbandoned(at, call.callId));
        } else if (event instanceof QueueMemberAddedEvent added) {
            members.seen(rep(added.getMemberName(), added.getInterface()), added.getQueue(), added.getPaused(),
                    added.getPausedReason(), added.getWrapupTime(), at);
        } else if (event instanceof QueueMemberRemovedEvent removed) {
            members.removed(rep(removed.getMemberName(), removed.getInterface()), removed.getQueue(), at);
        } else if (event instanceof QueueMemberPauseEvent pause) {
            members.seen(rep(pause.getMemberName(), pause.getInterface()), pause.getQueue(), pause.getPaused(),
                    reason(pause.getReason(), pause.getPausedReason(), pause.getPausedreason()), pause.getWrapupTime(),
                    at);
        } else if (event instanceof QueueMemberStatusEvent status) {
            String repId = rep(status.getMemberName(), status.getStateinterface() != null ? status.getStateinterface()
                    : status.getInterface());
            boolean unavailable = status.getStatus() != null && status.getStatus() == MEMBER_UNAVAILABLE;
            members.seen(repId, status.getQueue(), status.getPaused(), status.getPausedreason(),
                    status.getWrapuptime(), unavailable, at);
        } else if (event instanceof HoldEvent hold) {
            return linked(hold.getUniqueId(), hold.getLinkedId())
                    .map(call -> publish(new CallHeld(at, call.callId))).orElse(false);
        } else if (event instanceof UnholdEvent unhold) {
            return linked(unhold.getUniqueId(), unhold.getLinkedId())
                    .map(call -> publish(new CallResumed(at, call.callId))).orElse(false);
        } else if (event instanceof HangupEvent hangup) {
            // A caller who leaves the queue without abandon or complete (the Queue() timeout, or a hang-up that
            // Asterisk reports before AgentComplete).
            QueueCall call = calls.remove(hangup.getUniqueId());
            if (call == null) {
                return false;
            }
            if (call.repId == null) {
                publisher.publish(new CallAbandoned(at, call.callId));
            } else {
                publisher.publish(new CallEnded(at, call.callId, Party.CUSTOMER, "hang-up"));
                wrapUp(call, at);
            }
        } else {
            return false;
        }
        return true;
    }

    private void wrapUp(QueueCall call, long at) {
        int queueWrapSeconds = model.queue(call.queue).map(Queue::wrapUpSeconds).orElse(0);
        members.completed(call.repId, call.queue, call.callId, queueWrapSeconds, at);
    }

    private boolean publish(dev.acd.core.event.Event event) {
        publisher.publish(event);
        return true;
    }

    private Optional<QueueCall> linked(String uniqueId, String linkedId) {
        QueueCall call = calls.get(uniqueId);
        return Optional.ofNullable(call != null ? call : linkedId == null ? null : calls.get(linkedId));
    }

    private void joined(QueueCallerJoinEvent join, long at) {
        long callId = ids.next();
        String queue = join.getQueue();
        calls.put(join.getUniqueId(), new QueueCall(callId, queue));
        String caller = join.getCallerIdNum();
        Optional<Line> line = model.lines().stream().filter(l -> l.queueId().equals(queue)).findFirst();
        publisher.publish(new CallArrived(at, callId, Direction.INBOUND, line.map(Line::id).orElse(null), caller,
                line.map(Line::number).orElse(join.getExten()), null));
        int priority = 0;
        if (line.isPresent() && model.queue(queue).isPresent()) {
            CallClassified c = classifier.classify(at, callId, line.get(), caller);
            priority = c.priority();
            publisher.publish(new CallClassified(at, callId, c.customerId(), c.segment(), c.value(), c.accountOwner(),
                    c.territory(), c.partner(), c.language(), null, c.priority(), c.skills()));
        }
        publisher.publish(new CallQueued(at, callId, queue, priority));
    }

    /** The rep a queue member is: by member name, else by the endpoint of its interface (PJSIP/ava.chen). */
    private String rep(String memberName, String device) {
        if (memberName != null && model.rep(memberName).isPresent()) {
            return memberName;
        }
        String endpoint = device == null ? null : device.substring(device.indexOf('/') + 1);
        for (Rep rep : model.reps()) {
            if (rep.reach() != null && rep.reach().address().equals(endpoint)) {
                return rep.id();
            }
        }
        return memberName != null ? memberName : device;
    }

    /** The first reason given: asterisk-java fills one of these depending on the header's spelling. */
    private static String reason(String... reasons) {
        for (String reason : reasons) {
            if (reason != null && !reason.isBlank()) {
                return reason;
            }
        }
        return null;
    }
}

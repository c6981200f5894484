package dev.acd.asterisk.ami;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
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
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.event.TransferTarget;
import dev.acd.core.model.Direction;
import dev.acd.core.model.Line;
import dev.acd.core.model.Rep;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.time.Clock;

/**
 * Bring-your-own-queue mode: app_queue routes, we journal. A caller joining an Asterisk queue becomes our call
 * (arrived, classified by caller number, queued in the queue of the same name); a member connecting answers it, the
 * member completing ends it (by the reason app_queue gives), a caller abandoning abandons it. Members map to reps by
 * member name equal to the rep id, else by the interface's endpoint equal to the rep's softphone user; member pause
 * is not ready/ready, member status unavailable is logged out.
 *
 * <p>The classification carries no queue, so the router does not queue these calls itself (it answers them with a
 * HangUpCall that no call control owns, and that is dropped); the queue visit is journaled as {@code CallQueued} from
 * here, which is what statistics count. Runs on asterisk-java's reader thread.
 */
final class QueueEvents {
    /** app_queue's device state "unavailable": the member's phone is gone, so the rep is logged out. */
    static final int MEMBER_UNAVAILABLE = 5;

    private final EventPublisher publisher;
    private final CallIds ids;
    private final RoutingModel model;
    private final Classifier classifier;
    private final Clock clock;
    private final Map<String, QueueCall> calls = new HashMap<>();
    private final Set<String> loggedIn = new HashSet<>();

    private static final class QueueCall {
        final long callId;
        String repId;

        QueueCall(long callId) {
            this.callId = callId;
        }
    }

    QueueEvents(EventPublisher publisher, CallIds ids, RoutingModel model, CustomerDirectory directory, Clock clock) {
        this.publisher = publisher;
        this.ids = ids;
        this.model = model;
        this.classifier = new Classifier(model, directory);
        this.clock = clock;
    }

    boolean handle(ManagerEvent event) {
        long at = AmiTime.of(event, clock);
        if (event instanceof QueueCallerJoinEvent join) {
            joined(join, at);
        } else if (event instanceof AgentConnectEvent connect) {
            QueueCall call = calls.get(connect.getUniqueId());
            if (call == null) {
                return false;
            }
            call.repId = rep(connect.getMemberName(), connect.getInterface());
            if (login(call.repId, at)) {
                publisher.publish(new RepReady(at, call.repId));
            }
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
        } else if (event instanceof QueueCallerAbandonEvent abandon) {
            QueueCall call = calls.remove(abandon.getUniqueId());
            if (call == null) {
                return false;
            }
            publisher.publish(new CallAbandoned(at, call.callId));
        } else if (event instanceof QueueMemberPauseEvent pause) {
            String repId = rep(pause.getMemberName(), pause.getInterface());
            login(repId, at);
            publisher.publish(Boolean.TRUE.equals(pause.getPaused())
                    ? new RepNotReady(at, repId, reason(pause.getReason(), pause.getPausedreason()))
                    : new RepReady(at, repId));
        } else if (event instanceof QueueMemberStatusEvent status) {
            String repId = rep(status.getMemberName(), status.getStateinterface() != null ? status.getStateinterface()
                    : status.getInterface());
            if (status.getStatus() != null && status.getStatus() == MEMBER_UNAVAILABLE) {
                if (loggedIn.remove(repId)) {
                    publisher.publish(new RepLoggedOut(at, repId));
                }
            } else if (login(repId, at)) {
                publisher.publish(Boolean.TRUE.equals(status.getPaused()) ? new RepNotReady(at, repId, "paused")
                        : new RepReady(at, repId));
            }
        } else if (event instanceof HoldEvent hold) {
            return linked(hold.getUniqueId(), hold.getLinkedId())
                    .map(call -> publish(new CallHeld(at, call.callId))).orElse(false);
        } else if (event instanceof UnholdEvent unhold) {
            return linked(unhold.getUniqueId(), unhold.getLinkedId())
                    .map(call -> publish(new CallResumed(at, call.callId))).orElse(false);
        } else if (event instanceof HangupEvent hangup) {
            // A caller who leaves the queue without abandon or connect (the Queue() timeout, then hangs up).
            QueueCall call = calls.remove(hangup.getUniqueId());
            if (call == null) {
                return false;
            }
            publisher.publish(call.repId == null ? new CallAbandoned(at, call.callId)
                    : new CallEnded(at, call.callId, Party.CUSTOMER, "hang-up"));
        } else {
            return false;
        }
        return true;
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
        calls.put(join.getUniqueId(), new QueueCall(callId));
        String queue = join.getQueue();
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

    /** Logs a member in the first time it shows up; true when it was new (the caller then says its state). */
    private boolean login(String repId, long at) {
        if (loggedIn.add(repId)) {
            publisher.publish(new RepLoggedIn(at, repId));
            return true;
        }
        return false;
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

    private static String reason(String reason, String pausedReason) {
        if (pausedReason != null && !pausedReason.isBlank()) {
            return pausedReason;
        }
        return reason != null && !reason.isBlank() ? reason : "paused";
    }
}

package dev.acd.asterisk.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.acd.asterisk.AsteriskCalls;
import dev.acd.commands.CallIds;
import dev.acd.core.call.CustomerDirectory;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.model.RoutingModel;
import dev.acd.core.time.Clock;

/**
 * Everything the manager interface tells us, sent to the translator it concerns: app_queue's events in
 * bring-your-own-queue mode, then events of calls our FastAGI service routed. Events of other calls are ignored.
 * A translation failure is logged and the next event goes on. Runs on asterisk-java's reader thread.
 */
public final class AmiEvents implements ManagerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AmiEvents.class);

    private final RoutedCallEvents routed;
    private final QueueEvents queues;

    /**
     * @param bringYourOwnQueue whether app_queue's events are translated too
     */
    public AmiEvents(AsteriskCalls calls, EventPublisher publisher, CallIds ids, RoutingModel model,
                     CustomerDirectory directory, Clock clock, boolean bringYourOwnQueue) {
        this.routed = new RoutedCallEvents(calls, clock);
        this.queues = bringYourOwnQueue ? new QueueEvents(publisher, ids, model, directory, clock) : null;
    }

    /**
     * Ends bring-your-own-queue wrap-ups whose time is up when no event came after them; call it every second or so
     * from any thread.
     */
    public void sweep() {
        if (queues != null) {
            queues.sweep();
        }
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            if (queues != null && queues.handle(event)) {
                return;
            }
            routed.handle(event);
        } catch (RuntimeException e) {
            LOG.error("AMI: could not translate {}; going on with the next event", event, e);
        }
    }
}

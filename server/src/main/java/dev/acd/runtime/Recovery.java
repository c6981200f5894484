package dev.acd.runtime;

import java.util.ArrayList;
import java.util.List;

import dev.acd.core.event.CallEnded;
import dev.acd.core.event.CallEvent;
import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.Party;
import dev.acd.core.journal.Journal;
import dev.acd.core.journal.JournalReader;
import dev.acd.router.RouterSnapshot;
import dev.acd.router.RoutingEngine;
import dev.acd.router.RoutingOutput;

/**
 * Rebuilds the router from the journal at start-up. Calls the journal left open died with the process that carried
 * them (their SIP dialogs and media are gone), so they are closed as lost; reps keep the state the journal gives
 * them.
 */
final class Recovery {
    /** Why a call the journal left open was closed at start-up. */
    static final String LOST_AT_RESTART = "lost at restart";

    private final RoutingEngine engine = new RoutingEngine();
    private long lastConfigVersion;
    private long lastCallId;
    private long events;

    /** Replays the whole journal into a fresh engine. */
    static Recovery replay(Journal journal) {
        Recovery recovery = new Recovery();
        try (JournalReader reader = journal.readFromStart()) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                recovery.engine.apply(event, RoutingOutput.DISCARD);
                recovery.events++;
                if (event instanceof ConfigChanged changed) {
                    recovery.lastConfigVersion = changed.version();
                } else if (event instanceof CallEvent call) {
                    recovery.lastCallId = Math.max(recovery.lastCallId, call.callId());
                }
            }
        }
        return recovery;
    }

    RoutingEngine engine() {
        return engine;
    }

    /** Events replayed. */
    long events() {
        return events;
    }

    /** The version of the last configuration journaled, 0 for a new journal. */
    long lastConfigVersion() {
        return lastConfigVersion;
    }

    /** The highest call id in the journal; new calls are numbered after it so ids stay unique across restarts. */
    long lastCallId() {
        return lastCallId;
    }

    /** The events that close every call the journal left open, at {@code now}. */
    List<Event> closeLiveCalls(long now) {
        List<Event> closing = new ArrayList<>();
        for (RouterSnapshot.CallView call : engine.snapshot().calls()) {
            closing.add(new CallEnded(now, call.callId(), Party.SYSTEM, LOST_AT_RESTART));
        }
        return closing;
    }
}

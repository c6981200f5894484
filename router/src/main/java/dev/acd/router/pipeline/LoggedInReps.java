package dev.acd.router.pipeline;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.acd.core.event.ConfigChanged;
import dev.acd.core.event.Event;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.model.Rep;
import dev.acd.router.RepStatus;
import dev.acd.router.RouterSnapshot;
import dev.acd.router.RoutingEngine;

/**
 * Which reps are logged in as the routing engine sees them, readable from any thread without waiting (call control
 * asks it when a rep transfers a call to another rep). Written only by the routing thread, right after the engine
 * applied an event, so it is never ahead of the engine and at most one event behind it.
 */
public final class LoggedInReps {
    private final Set<String> loggedIn = ConcurrentHashMap.newKeySet();

    /** Whether {@code repId} is logged in now; false for a rep the configuration does not know. Any thread. */
    public boolean contains(String repId) {
        return repId != null && loggedIn.contains(repId);
    }

    /** Follows the engine after it applied {@code event}: logins, logouts and reps leaving the configuration. */
    void follow(RoutingEngine engine, Event event) {
        if (event instanceof RepLoggedIn e) {
            update(engine, e.repId());
        } else if (event instanceof RepLoggedOut e) {
            update(engine, e.repId());
        } else if (event instanceof ConfigChanged) {
            refresh(engine);
        }
    }

    /** Takes every rep's state from the engine, e.g. once it was rebuilt from the journal. */
    void refresh(RoutingEngine engine) {
        if (engine.model() == null) {
            loggedIn.clear();
            return;
        }
        loggedIn.removeIf(id -> engine.rep(id) == null);
        for (Rep rep : engine.model().reps()) {
            update(engine, rep.id());
        }
    }

    private void update(RoutingEngine engine, String repId) {
        RouterSnapshot.RepView rep = engine.rep(repId);
        if (rep != null && rep.status() != RepStatus.LOGGED_OUT) {
            loggedIn.add(repId);
        } else {
            loggedIn.remove(repId);
        }
    }
}

package dev.acd.api;

import dev.acd.api.http.ApiException;
import dev.acd.api.live.LiveModel.RepNow;
import dev.acd.api.live.LiveService;
import dev.acd.core.event.Event;
import dev.acd.core.event.EventPublisher;
import dev.acd.core.event.RepLoggedIn;
import dev.acd.core.event.RepLoggedOut;
import dev.acd.core.event.RepNotReady;
import dev.acd.core.event.RepReady;
import dev.acd.core.stats.RepState;
import dev.acd.core.time.Clock;

/**
 * Rep state changes asked through the API: each is checked against the rep's live state and, when it makes sense,
 * published as the core event the router acts on. Runs the check and the publish on the live thread.
 */
final class RepControl {
    /** The verbs of rep control, as the URL names them. */
    enum Action { LOGIN, LOGOUT, READY, NOT_READY, END_WRAP_UP }

    private final LiveService live;
    private final EventPublisher publisher;
    private final Clock clock;

    RepControl(LiveService live, EventPublisher publisher, Clock clock) {
        this.live = live;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Checks and publishes; returns the event published. Unknown rep: 404; a change that makes no sense now: 409. */
    Event apply(String repId, Action action, String reason) {
        return live.act(state -> {
            RepNow rep = state.model().rep(repId);
            if (rep == null || state.model().configured(repId) == null) {
                throw ApiException.notFound("no rep '" + repId + "' in the configuration");
            }
            RepState now = rep.state();
            long at = clock.millis();
            Event event = switch (action) {
                case LOGIN -> {
                    refuseIf(now != RepState.LOGGED_OUT, repId + " is already logged in (" + now + ")");
                    yield new RepLoggedIn(at, repId);
                }
                case LOGOUT -> {
                    refuseIf(now == RepState.LOGGED_OUT, repId + " is not logged in");
                    refuseIf(now == RepState.ON_CALL, repId + " is on a call; log out after it ends");
                    yield new RepLoggedOut(at, repId);
                }
                case READY -> {
                    refuseIf(now == RepState.LOGGED_OUT, repId + " is not logged in; log in first");
                    refuseIf(now == RepState.READY, repId + " is already ready");
                    refuseIf(now == RepState.ON_CALL, repId + " is on a call; ready comes after wrap-up");
                    yield new RepReady(at, repId);
                }
                case NOT_READY -> {
                    refuseIf(now == RepState.LOGGED_OUT, repId + " is not logged in; log in first");
                    refuseIf(now == RepState.NOT_READY && reason.equals(rep.reasonNow()),
                            repId + " is already not ready for '" + reason + "'");
                    yield new RepNotReady(at, repId, reason);
                }
                case END_WRAP_UP -> {
                    refuseIf(now != RepState.WRAP_UP, repId + " is not in wrap-up (" + now + ")");
                    yield new RepReady(at, repId);
                }
            };
            publisher.publish(event);
            return event;
        });
    }

    private static void refuseIf(boolean wrong, String message) {
        if (wrong) {
            throw ApiException.conflict(message);
        }
    }
}

package dev.acd.sip.call;

/**
 * Whether a rep is logged in now, as the router sees it: call control refuses a blind transfer (REFER) to a rep
 * who is not. Called on call loops; must not block.
 */
@FunctionalInterface
public interface RepPresence {
    /** Until the server says otherwise: every configured rep counts as logged in. */
    RepPresence EVERYONE = repId -> true;

    /** Whether {@code repId} is logged in (ready, not ready, on a call or in wrap-up). */
    boolean loggedIn(String repId);
}

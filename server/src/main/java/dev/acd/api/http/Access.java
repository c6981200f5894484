package dev.acd.api.http;

/** Who may call a route, checked before its handler runs; finer checks (whose rep, whose call) are the handler's. */
public enum Access {
    /** Anyone, logged in or not (login, health, metrics). */
    PUBLIC,
    /** Any logged-in user; the handler narrows a REP to its own rep and calls. */
    USER,
    /** Supervisors and admins only. */
    SUPERVISOR,
    /** Admins only (the configuration). */
    ADMIN
}

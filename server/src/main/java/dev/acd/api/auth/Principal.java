package dev.acd.api.auth;

import dev.acd.config.WebRole;

/** A logged-in user as the API sees it: name, role, and the rep a REP user is. */
public record Principal(String user, WebRole role, String repId) {
    /** Whether the user sees and acts for every rep (supervisors and admins). */
    public boolean supervises() {
        return role != WebRole.REP;
    }

    /** Whether the user may see or act for this rep: supervisors for any, a rep for itself. */
    public boolean mayActFor(String rep) {
        return supervises() || (repId != null && repId.equals(rep));
    }
}

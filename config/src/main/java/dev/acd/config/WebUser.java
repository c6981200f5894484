package dev.acd.config;

import java.util.Objects;

/**
 * A person who logs in to the HTTP API and web pages.
 *
 * @param name         the login name
 * @param role         what the user may do
 * @param repId        the rep a {@link WebRole#REP} user is; null for other roles
 * @param passwordHash the password as {@link WebPasswords} stores it, never the password itself
 */
public record WebUser(String name, WebRole role, String repId, String passwordHash) {
    public WebUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** Whether the user sees and acts for every rep (supervisors and admins). */
    public boolean supervises() {
        return role != WebRole.REP;
    }

    @Override
    public String toString() {
        // The hash stays out of logs.
        return "WebUser[" + name + ", " + role + (repId == null ? "" : ", rep " + repId) + "]";
    }
}

package dev.acd.demo;

import java.util.Objects;

/**
 * A softphone account a simulated rep registers with.
 *
 * @param user     the SIP user name (the address-of-record is {@code sip:user@domain})
 * @param password the digest password (the demo configuration's are {@code demo-<user>})
 * @param repId    the rep the account belongs to
 */
public record RepAccount(String user, String password, String repId) {
    public RepAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(repId, "repId");
    }
}

package dev.acd.core.event;

/** The routing rule that made a rep eligible for a call, strongest first. */
public enum Rule {
    /** The rep owns the customer's account. */
    ACCOUNT_OWNER,
    /** The rep works for the partner that owns the account. */
    OWNING_PARTNER,
    /** The rep's team is a home team of the call's segment. */
    HOME_TEAM,
    /** The rep has the skills and is of a kind the current tier lets in. */
    SKILLED,
    /** An outbound call the rep placed, or a transfer named this rep. */
    DIRECT
}

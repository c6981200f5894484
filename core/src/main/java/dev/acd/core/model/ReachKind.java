package dev.acd.core.model;

/** How a rep's phone is reached when a call is offered. */
public enum ReachKind {
    /** A softphone that registers with us; the address is the SIP user name it registers as. */
    SOFTPHONE,
    /** A number dialled out through the trunk, e.g. a field rep's mobile; the address is E.164. */
    OUTSIDE_NUMBER,
    /** A SIP URI at a partner's own system. */
    SIP_URI
}

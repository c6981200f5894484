package dev.acd.core.event;

/** Who ended a call. */
public enum Party {
    CUSTOMER,
    REP,
    SYSTEM
}

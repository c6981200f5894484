package dev.acd.core.model;

/** Which way a call goes: customers calling in, or reps calling out. */
public enum Direction {
    INBOUND,
    OUTBOUND
}

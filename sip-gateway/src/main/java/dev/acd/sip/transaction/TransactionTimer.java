package dev.acd.sip.transaction;

/** The timers of RFC 3261 section 17 (table 4 of appendix A), by their RFC names. */
public enum TransactionTimer {
    /** INVITE client: INVITE retransmission, starts at T1 and doubles (UDP only). */
    TIMER_A,
    /** INVITE client: transaction timeout, 64*T1. */
    TIMER_B,
    /** Proxy INVITE timeout; a user agent does not run it, listed so the names are complete. */
    TIMER_C,
    /** INVITE client: wait for response retransmissions in COMPLETED, at least 32 s on UDP, 0 on TCP. */
    TIMER_D,
    /** Non-INVITE client: request retransmission, T1 doubling up to T2 (UDP only). */
    TIMER_E,
    /** Non-INVITE client: transaction timeout, 64*T1. */
    TIMER_F,
    /** INVITE server: final response retransmission, T1 doubling up to T2 (UDP only). */
    TIMER_G,
    /** INVITE server: wait for the ACK, 64*T1. */
    TIMER_H,
    /** INVITE server: wait for ACK retransmissions in CONFIRMED, T4 on UDP, 0 on TCP. */
    TIMER_I,
    /** Non-INVITE server: wait for request retransmissions in COMPLETED, 64*T1 on UDP, 0 on TCP. */
    TIMER_J,
    /** Non-INVITE client: wait for response retransmissions in COMPLETED, T4 on UDP, 0 on TCP. */
    TIMER_K,
    /** INVITE server: how long an ACCEPTED transaction absorbs INVITE retransmissions, 64*T1 (RFC 6026). */
    TIMER_L
}

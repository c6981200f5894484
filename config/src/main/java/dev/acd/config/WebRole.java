package dev.acd.config;

/** What a web user of the supervisor and rep surfaces may do. */
public enum WebRole {
    /** One rep: its own state, calls, dispositions, recordings and statistics. */
    REP,
    /** Every rep and queue, live and historical; rep control and recordings. */
    SUPERVISOR,
    /** Everything a supervisor may, plus the configuration. */
    ADMIN
}

/**
 * The running server: the journal, the router pipeline, the clock ticks that drive the router's timers, recovery
 * after a crash, and the services (SIP, API, Asterisk, QA) hosted on them.
 */
package dev.acd.runtime;

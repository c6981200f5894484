/**
 * The registrar (RFC 3261 section 10): REGISTER with digest authentication, bindings per rep with expiry,
 * reachability events into {@code core}, and OPTIONS keep-alive pings that remove bindings of vanished phones.
 */
package dev.acd.sip.registrar;

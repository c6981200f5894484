/**
 * {@code acd demo}: simulated reps (softphones that register, answer, talk, hold, hang up and wrap up) and simulated
 * customers (a loopback trunk placing calls at the configured rates), speaking real SIP and RTP to the server.
 */
package dev.acd.demo;

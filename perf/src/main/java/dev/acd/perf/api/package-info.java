/** Benchmarks of the supervisor and rep API: live feed fan-out and statistics latency, over a simulated day. */
package dev.acd.perf.api;

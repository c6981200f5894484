/**
 * The simulator: synthetic traffic (arrivals, callers' patience, reps' behaviour) in simulated time, driving the
 * real routing engine and journal, for demos, capacity planning and checking the router against Erlang C.
 */
package dev.acd.sim;

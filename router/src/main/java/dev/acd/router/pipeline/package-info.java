/**
 * The router's pipeline on the LMAX Disruptor: edges publish events into a multi-producer ring; the routing handler
 * applies each to the engine; the journal handler then appends the event and its decisions and only then sends the
 * commands, so nothing is visible outside before it is durable.
 */
package dev.acd.router.pipeline;

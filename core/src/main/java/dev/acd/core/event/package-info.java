/**
 * The event model: immutable records of everything that happens to calls and reps, each with its own timestamp.
 * {@link dev.acd.core.event.Event} lists every event; {@link dev.acd.core.event.Decision} lists those the router makes.
 */
package dev.acd.core.event;

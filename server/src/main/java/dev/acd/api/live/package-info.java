/** Live state from the journal tail: queues, reps and calls in progress, and the WebSocket feed of their changes. */
package dev.acd.api.live;

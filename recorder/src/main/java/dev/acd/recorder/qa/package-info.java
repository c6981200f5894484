/**
 * The QA service: tails the journal, scores each recorded call on its scorecard with the call's journal facts, and
 * keeps the supervisors' review queue; everything it decides goes back into the journal as events.
 */
package dev.acd.recorder.qa;

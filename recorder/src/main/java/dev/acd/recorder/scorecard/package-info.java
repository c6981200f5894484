/** Scorecards: weighted criteria that turn a call's measures into points and a 0-100 score. */
package dev.acd.recorder.scorecard;

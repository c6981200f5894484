/** Picks up the recordings Asterisk's MixMonitor finished and announces them as RecordingReady. */
package dev.acd.asterisk.recording;

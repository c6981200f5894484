package dev.acd.recorder.qa;

/** A call's automatic score as the journal has it, what a supervisor's rating is checked and merged against. */
record ScoredCallRecord(long callId, String repId, String scorecard, int score) {
}

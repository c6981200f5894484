/** Wiring of QA from the configuration: scorecards, review rules and the QA service over the journal. */
package dev.acd.qa;

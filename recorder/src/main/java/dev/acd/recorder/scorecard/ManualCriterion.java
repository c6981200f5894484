package dev.acd.recorder.scorecard;

/** What a supervisor rates by hand on a call, 1 (poor) to 5 (excellent). */
public enum ManualCriterion {
    PRODUCT_KNOWLEDGE,
    TECHNICAL_KNOWLEDGE,
    COMMUNICATION_SKILLS,
    PROBLEM_SOLVING
}

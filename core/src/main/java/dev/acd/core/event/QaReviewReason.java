package dev.acd.core.event;

/** Why a scored call goes to the supervisors' review queue. The journal stores ordinals: append new ones only. */
public enum QaReviewReason {
    /** The automatic score is under the configured minimum. */
    LOW_SCORE,
    /** One party could not be heard for the whole call. */
    ONE_WAY_AUDIO,
    /** Neither party spoke for a long stretch inside the conversation. */
    LONG_DEAD_AIR
}

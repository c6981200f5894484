package dev.acd.core.model;

/** The three kinds of sales rep the center distributes calls to. */
public enum RepKind {
    /** Contact-center sales, always reachable while logged in and ready. */
    INSIDE,
    /** Outside sales; takes live calls only inside configured live windows. */
    FIELD,
    /** Reseller or distributor rep; owns some accounts through its partner organisation. */
    PARTNER
}

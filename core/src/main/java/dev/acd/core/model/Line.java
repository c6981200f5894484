package dev.acd.core.model;

/**
 * A number customers dial, and the queue its calls go to.
 *
 * @param queueId the queue of calls on this line (with a menu: where a caller goes when the menu is not in force)
 * @param menu    the DTMF menu that picks the queue instead, or null for none
 */
public record Line(String id, String number, String name, String queueId, LineMenu menu) {
    /** A line without a menu. */
    public Line(String id, String number, String name, String queueId) {
        this(id, number, name, queueId, null);
    }
}

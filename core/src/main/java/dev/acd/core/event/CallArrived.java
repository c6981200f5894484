package dev.acd.core.event;

import dev.acd.core.model.Direction;

/**
 * A call reached the center: inbound from the trunk, or outbound placed by a rep.
 *
 * @param lineId the line an inbound call came in on (null for outbound)
 * @param from   calling number
 * @param to     called number
 * @param repId  the rep placing an outbound call (null for inbound)
 */
public record CallArrived(long at, long callId, Direction direction, String lineId, String from, String to,
                          String repId) implements Event, CallEvent {
}

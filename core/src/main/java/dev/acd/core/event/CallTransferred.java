package dev.acd.core.event;

/**
 * The rep blind-transferred the call (RFC 3515 REFER). The rep's part ends and wrap-up starts.
 *
 * @param target a queue id, rep id or number, as {@code targetKind} says
 */
public record CallTransferred(long at, long callId, String repId, TransferTarget targetKind, String target)
        implements Event, CallEvent, RepEvent {
}

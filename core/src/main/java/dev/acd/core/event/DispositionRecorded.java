package dev.acd.core.event;

/**
 * The outcome of a call, recorded at wrap-up.
 *
 * @param outcome      an outcome code from the configured list (e.g. "won", "quote-sent", "no-interest")
 * @param revenueCents revenue attributed to the call, in cents of the center's currency
 */
public record DispositionRecorded(long at, long callId, String repId, String outcome, long revenueCents,
                                  String note) implements Event, CallEvent, RepEvent {
}
